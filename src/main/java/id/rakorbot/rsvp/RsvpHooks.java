package id.rakorbot.rsvp;

import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.schedule.Occurrence;
import id.rakorbot.schedule.Reminder;
import id.rakorbot.schedule.ReminderHooks;
import id.rakorbot.schedule.Schedule;
import id.rakorbot.schedule.Sessions.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** Answer buttons under every reminder and announcement; the nudge to non-responders with one reminder. */
final class RsvpHooks implements ReminderHooks {

  /** Button data: {@code r1:<occurrence id>:<answer code>}, well under Telegram's 64 bytes. */
  static final String PREFIX = "r1";

  private final CurrentConfig config;
  private final Outbox outbox;
  private final Tallies tallies;

  RsvpHooks(CurrentConfig config, Outbox outbox, Tallies tallies) {
    this.config = config;
    this.outbox = outbox;
    this.tallies = tallies;
  }

  @Override
  public void posted(Handle handle, long occurrenceId, GroupConfig group, long outboxId, SendMessage message) {
    if (message.getReplyMarkup() != null) {
      tallies.posted(handle, outboxId, occurrenceId, group.id(), message);
    }
  }

  @Override
  public Optional<InlineKeyboardMarkup> buttons(long occurrenceId, Schedule schedule) {
    List<InlineKeyboardButton> buttons = new ArrayList<>();
    for (Answer answer : Answer.values()) {
      if (answer == Answer.DARING && !schedule.mode().online()) {
        continue; // no online option for a meeting held only in person
      }
      var button = InlineKeyboardButton.builder().text(answer.icon() + " " + answer.label())
          .callbackData(PREFIX + ":" + occurrenceId + ":" + answer.code()).build();
      answer.style().ifPresent(button::setStyle); // Bot API 9.4: green for coming, red for not
      buttons.add(button);
    }
    var rows = List.of(new InlineKeyboardRow(buttons.subList(0, 2)), new InlineKeyboardRow(buttons.subList(2, buttons.size())));
    return Optional.of(InlineKeyboardMarkup.builder().keyboard(rows).build());
  }

  @Override
  public void reminded(Handle handle, long occurrenceId, Occurrence occurrence, Reminder reminder, GroupConfig group, long chatId) {
    if (occurrence.schedule().nudge().filter(reminder::equals).isEmpty()) {
      return;
    }
    var roll = Attendance.roll(handle, occurrenceId, config.get(), List.of(group.id()));
    List<Official> silent = roll.silent();
    if (silent.isEmpty()) {
      return;
    }
    var message = SendMessage.builder().chatId(chatId).parseMode(ParseMode.HTML)
        .text(RsvpTexts.nudge(new Session(occurrenceId, occurrence), silent));
    group.topic().ifPresent(message::messageThreadId);
    outbox.enqueue(handle, chatId, message.build(), Priority.SCHEDULED, Optional.of("nudge:" + occurrenceId + ":" + group.id()));
  }
}
