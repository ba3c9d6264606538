package id.rakorbot.response;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.error.UserMistake;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.MessageHandler;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The outcome a handler writes in reply to the bot's "Selesai" question: it closes the alert and what it is
 * about (the report, the early warning), edits its messages, and tells the reporter. One who pressed "Selesai"
 * before anyone took the alert is its handler from then.
 */
final class OutcomeReply implements MessageHandler {

  /** An outcome is one line; a longer one is kept to this. */
  static final int MAX = 500;

  private final AlertDesk desk;

  OutcomeReply(AlertDesk desk) {
    this.desk = desk;
  }

  @Override
  public boolean handle(Handle handle, Message reply, RakorbotConfig config) {
    if (reply.getReplyToMessage() == null) {
      return false;
    }
    AlertDao dao = AlertDesk.dao(handle);
    Optional<AlertDao.Question> question = desk.outbox().findSent(handle, reply.getChatId(), reply.getReplyToMessage().getMessageId())
        .flatMap(dao::question);
    if (question.isEmpty()) {
      return false;
    }
    if (reply.getFrom().getId() != question.get().userId()) {
      return true; // someone else's question: ignored, as a reply to a stranger's prompt would be
    }
    String outcome = reply.getText() == null ? "" : reply.getText().strip().replaceAll("\\s+", " ");
    if (outcome.isEmpty()) {
      throw new UserMistake(ResponseTexts.emptyOutcome());
    }
    outcome = outcome.length() > MAX ? outcome.substring(0, MAX - 1) + "…" : outcome;
    Alert alert = dao.lock(question.get().alertId()).orElseThrow();
    if (alert.done()) {
      throw new UserMistake(ResponseTexts.alreadyDone(alert));
    }
    long userId = question.get().userId();
    Instant now = desk.clock().instant();
    String by = config.official(userId).map(ResponseTexts::person).orElse(String.valueOf(userId));
    if (!alert.taken() && dao.take(alert.id(), userId, by, now)) {
      Alert taken = dao.byId(alert.id()).orElseThrow();
      handle.afterCommit(() -> desk.acknowledged(taken));
    }
    dao.finish(alert.id(), userId, outcome, now);
    dao.act(alert.id(), userId, "done", now, outcome);
    Audit.message(handle, reply, config, now, Actions.ALERT_DONE, alert.subject(), "");
    Alert done = dao.byId(alert.id()).orElseThrow();
    desk.close(handle, done, userId, outcome, now);
    desk.refresh(handle, config, done);
    if (done.reporterId() != null && done.reporterId() != userId) {
      desk.tell(handle, done.reporterId(), ResponseTexts.toReporterDone(done, by));
    }
    var confirmation = SendMessage.builder().chatId(reply.getChatId()).parseMode(ParseMode.HTML).text(ResponseTexts.closedWith(done))
        .replyParameters(ReplyParameters.builder().messageId(reply.getMessageId()).allowSendingWithoutReply(true).build());
    if (reply.isTopicMessage() && reply.getMessageThreadId() != null) {
      confirmation.messageThreadId(reply.getMessageThreadId());
    }
    desk.outbox().enqueue(handle, reply.getChatId(), confirmation.build(), Priority.REPLY);
    return true;
  }
}
