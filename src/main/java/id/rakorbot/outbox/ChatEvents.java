package id.rakorbot.outbox;

import org.jdbi.v3.core.Handle;

/** What the sender learns about chats from Telegram's answers, for the feature that keeps the groups. */
public interface ChatEvents {

  /** The bot was removed from the chat, or the chat no longer exists. */
  void chatGone(Handle handle, long chatId);

  /** The group became a supergroup with a new chat id. */
  void chatMigrated(Handle handle, long oldChatId, long newChatId);
}
