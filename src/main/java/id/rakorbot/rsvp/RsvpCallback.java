package id.rakorbot.rsvp;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.schedule.Sessions.Session;
import id.rakorbot.telegram.CallbackContext;
import id.rakorbot.telegram.CallbackHandler;
import id.rakorbot.error.UserMistake;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ForceReplyKeyboard;

/** A tap on Hadir / Daring / Diwakilkan / Berhalangan under a reminder. */
final class RsvpCallback implements CallbackHandler {

  private final Responses responses;
  private final Outbox outbox;
  private final Tallies tallies;

  RsvpCallback(Responses responses, Outbox outbox, Tallies tallies) {
    this.responses = responses;
    this.outbox = outbox;
    this.tallies = tallies;
  }

  @Override
  public String prefix() {
    return RsvpHooks.PREFIX;
  }

  @Override
  public void handle(CallbackContext context) {
    String[] parts = context.data().split(":");
    Optional<Answer> answer = parts.length == 2 ? Answer.byCode(parts[1]) : Optional.empty();
    Optional<Session> session = answer.isEmpty() || !parts[0].matches("\\d{1,18}") ? Optional.empty()
        : responses.sessions().byId(context.handle(), Long.parseLong(parts[0]));
    // The button must sit under one of this meeting's own announcements or reminders: forged data pressed
    // on another message (of another group or meeting) changes nothing.
    if (session.isEmpty() || context.group().isEmpty()
        || !tallies.track(context.handle(), context.chatId(), context.messageId(), session.get().id())) {
      context.answer(RsvpTexts.staleButton(), false);
      return;
    }
    GroupConfig group = context.group().get();
    responses.answer(context.handle(), context.config(), session.get(), List.of(group.id()),
        context.userId(), answer.get(), null, null);
    context.answer(RsvpTexts.recorded(answer.get()), false);
    if (answer.get() == Answer.DIWAKILKAN) {
      askForDeputy(context, session.get(), group);
    }
  }

  private void askForDeputy(CallbackContext context, Session session, GroupConfig group) {
    var official = context.official().orElseThrow(() -> new UserMistake(RsvpTexts.notAMember(context.userId())));
    var prompt = SendMessage.builder().chatId(context.chatId()).parseMode(ParseMode.HTML)
        .text(RsvpTexts.deputyPrompt(official, session))
        .replyMarkup(ForceReplyKeyboard.builder().forceReply(true).selective(true).inputFieldPlaceholder("Nama, jabatan wakil").build());
    group.topic().ifPresent(prompt::messageThreadId);
    long question = outbox.enqueue(context.handle(), context.chatId(), prompt.build(), Priority.REPLY);
    context.handle().attach(RsvpDao.class).askedDeputy(question, session.id(), context.userId());
  }
}
