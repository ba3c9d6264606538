package id.rakorbot.telegram;

import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * A reply to a user's message, in the same chat and forum topic, quoting it in groups; sent after commit. In a
 * group, beyond {@link #MAX_WAITING} replies still waiting for one user, one note says so and the rest are not
 * answered, so that one user's flood of commands does not fill the group's minute.
 */
public final class Replies {

  static final int MAX_WAITING = 3;

  private Replies() {}

  public static void to(Handle handle, Outbox outbox, Message message, String html) {
    var send = SendMessage.builder()
        .chatId(message.getChatId())
        .text(html)
        .parseMode(ParseMode.HTML)
        .disableWebPagePreview(true);
    if (message.isTopicMessage() && message.getMessageThreadId() != null) {
      send.messageThreadId(message.getMessageThreadId());
    }
    if (message.getChat().isUserChat()) {
      outbox.enqueue(handle, message.getChatId(), send.build(), Priority.REPLY);
      return;
    }
    send.replyParameters(ReplyParameters.builder().messageId(message.getMessageId()).allowSendingWithoutReply(true).build());
    long userId = message.getFrom().getId();
    int waiting = outbox.pendingRepliesTo(handle, message.getChatId(), userId);
    if (waiting < MAX_WAITING) {
      outbox.enqueueReplyTo(handle, message.getChatId(), userId, send.build());
    } else if (waiting == MAX_WAITING) {
      outbox.enqueueReplyTo(handle, message.getChatId(), userId, send.text(Texts.tooManyCommands()).build());
    }
  }
}
