package id.rakorbot.telegram;

import id.rakorbot.error.UserMistake;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.Role;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * Everything a command needs: the message, who sent it (and their roster entry), the declared group it
 * came from, and the transaction in which its effects and replies are committed together.
 *
 * @param updateId the Telegram update, for logs and as a once-only key of what the command stores
 * @param botUsername the bot's @username, for t.me links
 */
public record CommandContext(
    Handle handle,
    long updateId,
    Message message,
    ParsedCommand command,
    Optional<Official> official,
    Optional<GroupConfig> group,
    RakorbotConfig config,
    CommandRegistry commands,
    Outbox outbox,
    String botUsername) {

  public User user() {
    return message.getFrom();
  }

  /** Admin actions check the role on every call; a non-admin gets {@code refusal}. */
  public void requireAdmin(String refusal) {
    if (official.filter(o -> o.has(Role.ADMIN)).isEmpty()) {
      throw new UserMistake(refusal);
    }
  }

  /** The link that opens a private chat with the bot (and sends /start {@code payload}). */
  public String startLink(String payload) {
    return "https://t.me/" + botUsername + "?start=" + payload;
  }

  public boolean isPrivate() {
    return message.getChat().isUserChat();
  }

  public String arguments() {
    return command.arguments();
  }

  /** Replies in a private chat with a secret (a login link): the outbox forgets the text once it is sent. */
  public void replySecret(String html) {
    if (!isPrivate()) {
      throw new IllegalStateException("A secret is sent in private chats only");
    }
    outbox.enqueueSecret(handle, message.getChatId(),
        SendMessage.builder().chatId(message.getChatId()).text(html).parseMode(ParseMode.HTML).disableWebPagePreview(true).build(),
        Priority.REPLY);
  }

  /** Replies in a private chat with a keyboard under it (the form's button). */
  public void replyPrivately(String html,
      org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard keyboard) {
    if (!isPrivate()) {
      throw new IllegalStateException("A keyboard of this kind is for private chats only");
    }
    outbox.enqueue(handle, message.getChatId(), SendMessage.builder().chatId(message.getChatId()).text(html).parseMode(ParseMode.HTML)
        .disableWebPagePreview(true).replyMarkup(keyboard).build(), Priority.REPLY);
  }

  /** Replies in the same chat (and forum topic), quoting the command in groups; sent after commit. */
  public void reply(String html) {
    if (group.isPresent() && commands.find(command.name()).filter(Command::answersOnlyTheAsker).isPresent()) {
      Replies.toAsker(handle, outbox, message, group.get(), "/" + command.name(), html);
      return;
    }
    Replies.to(handle, outbox, message, html);
  }
}
