package id.rakorbot.rsvp;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.schedule.Sessions.Session;
import id.rakorbot.telegram.UserMistake;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** The answer to "who is your deputy?": a reply to the bot's question, which the outbox remembers by message id. */
final class DeputyReply implements id.rakorbot.telegram.MessageHandler {

  /** Outbox dedup key of a deputy question: {@code deputy:<occurrence>:<user>:<answer id>}. */
  static final String KEY = "deputy:";

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
    Optional<String> key = handle.createQuery("""
            SELECT dedup_key FROM outbox_message
            WHERE chat_id = :chat AND telegram_message_id = :message AND dedup_key LIKE 'deputy:%'""")
        .bind("chat", reply.getChatId()).bind("message", reply.getReplyToMessage().getMessageId().longValue())
        .mapTo(String.class).findOne();
    if (key.isEmpty()) {
      return false;
    }
    String[] parts = key.get().substring(KEY.length()).split(":");
    long userId = Long.parseLong(parts[1]);
    if (reply.getFrom().getId() != userId || reply.getText() == null || reply.getText().isBlank()) {
      return true; // someone else answered a question that was not theirs: ignore
    }
    Optional<Session> session = responses.sessions().byId(handle, Long.parseLong(parts[0]));
    if (session.isEmpty()) {
      return true;
    }
    String text;
    handle.savepoint("deputy");
    try {
      responses.answer(handle, config, session.get(), session.get().schedule().groups(), userId, Answer.DIWAKILKAN, reply.getText(), null);
      handle.releaseSavepoint("deputy");
      text = RsvpTexts.answered(Answer.DIWAKILKAN, session.get(), " oleh " + id.rakorbot.telegram.Html.escape(reply.getText().strip()));
    } catch (UserMistake mistake) {
      handle.rollbackToSavepoint("deputy");
      text = mistake.getMessage();
    }
    var confirmation = SendMessage.builder().chatId(reply.getChatId()).parseMode(ParseMode.HTML).text(text)
        .replyParameters(ReplyParameters.builder().messageId(reply.getMessageId()).allowSendingWithoutReply(true).build());
    if (reply.isTopicMessage() && reply.getMessageThreadId() != null) {
      confirmation.messageThreadId(reply.getMessageThreadId());
    }
    outbox.enqueue(handle, reply.getChatId(), confirmation.build());
    return true;
  }
}
