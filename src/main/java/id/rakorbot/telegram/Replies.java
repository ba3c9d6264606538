package id.rakorbot.telegram;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.outbox.EphemeralMessage;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import java.util.Optional;

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

  /**
   * The answer to what one person asked in a group (/jadwal, /kehadiran…): an ephemeral message, which only they
   * see. Should Telegram refuse it, the answer goes to their private chat if they have opened the bot, else into the
   * group, quoting them, and is deleted there after the group's {@code auto_delete_minutes}.
   */
  public static void toAsker(Handle handle, Outbox outbox, Message message, GroupConfig group, String command, String html) {
    long user = message.getFrom().getId();
    long chat = message.getChatId();
    if (outbox.pendingRepliesTo(handle, chat, user) >= MAX_WAITING) {
      return; // one person's flood of questions does not spend the group's minute; the first ones are answered
    }
    Integer topic = message.isTopicMessage() ? message.getMessageThreadId() : null;
    var ephemeral = EphemeralMessage.to(chat, topic, user, html, message.getEphemeralMessageId());
    Outbox.Fallback fallback;
    if (PrivateChats.opened(handle, user)) {
      fallback = new Outbox.Fallback(user, SendMessage.builder().chatId(user).parseMode(ParseMode.HTML).disableWebPagePreview(true)
          .text(Texts.answerFromGroup(command, group) + html).build(), Optional.empty());
    } else {
      var inGroup = SendMessage.builder().chatId(chat).parseMode(ParseMode.HTML).disableWebPagePreview(true)
          .text((message.getMessageId() == null ? Texts.answerFor(user, message.getFrom().getFirstName()) : "") + html
              + Texts.leavesTheGroupIn(group.autoDelete()));
      if (topic != null) {
        inGroup.messageThreadId(topic);
      }
      if (message.getMessageId() != null) {
        inGroup.replyParameters(ReplyParameters.builder().messageId(message.getMessageId()).allowSendingWithoutReply(true).build());
      }
      fallback = new Outbox.Fallback(chat, inGroup.build(), Optional.of(group.autoDelete()));
    }
    outbox.enqueueForOne(handle, chat, ephemeral, fallback);
  }
}
