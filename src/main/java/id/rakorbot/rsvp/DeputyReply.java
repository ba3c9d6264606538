package id.rakorbot.rsvp;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.schedule.Sessions.Session;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** The answer to "who is your deputy?": a reply to the bot's question, which the outbox remembers by message id. */
final class DeputyReply implements id.rakorbot.telegram.MessageHandler {

  private final Responses responses;
  private final Outbox outbox;

  DeputyReply(Responses responses, Outbox outbox) {
    this.responses = responses;
    this.outbox = outbox;
  }

  @Override
  public boolean handle(Handle handle, Message reply, RakorbotConfig config) {
    if (reply.getReplyToMessage() == null) {
      return false;
    }
    Optional<RsvpDao.DeputyQuestion> question = outbox.findSent(handle, reply.getChatId(), reply.getReplyToMessage().getMessageId())
        .flatMap(handle.attach(RsvpDao.class)::deputyQuestion);
    if (question.isEmpty()) {
      return false;
    }
    long userId = question.get().userId();
    if (reply.getFrom().getId() != userId || reply.getText() == null || reply.getText().isBlank()) {
      return true; // someone else answered a question that was not theirs: ignore
    }
    Optional<Session> session = responses.sessions().byId(handle, question.get().occurrenceId());
    if (session.isEmpty()) {
      return true;
    }
    // A mistake (the meeting has begun, say) goes up to the router, which undoes this and explains it in reply.
    responses.answer(handle, config, session.get(), session.get().schedule().groups(), userId, Answer.DIWAKILKAN, reply.getText(), null);
    String text = RsvpTexts.answered(Answer.DIWAKILKAN, session.get(), " oleh " + id.rakorbot.telegram.Html.escape(reply.getText().strip()));
    var confirmation = SendMessage.builder().chatId(reply.getChatId()).parseMode(ParseMode.HTML).text(text)
        .replyParameters(ReplyParameters.builder().messageId(reply.getMessageId()).allowSendingWithoutReply(true).build());
    if (reply.isTopicMessage() && reply.getMessageThreadId() != null) {
      confirmation.messageThreadId(reply.getMessageThreadId());
    }
    outbox.enqueue(handle, reply.getChatId(), confirmation.build(), Priority.REPLY);
    return true;
  }
}
