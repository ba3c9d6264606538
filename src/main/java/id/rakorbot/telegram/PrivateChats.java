package id.rakorbot.telegram;

import org.jdbi.v3.core.Handle;

/**
 * Who has a private chat with the bot. Telegram lets a bot write privately only to people who started it
 * (and have not blocked it since); others must be reached in a group.
 */
public final class PrivateChats {

  private PrivateChats() {}

  static void seen(Handle handle, long userId) {
    handle.attach(ChatDao.class).privateChatSeen(userId);
  }

  static void forget(Handle handle, long userId) {
    handle.attach(ChatDao.class).privateChatGone(userId);
  }

  public static boolean opened(Handle handle, long userId) {
    return handle.attach(ChatDao.class).privateChatOpen(userId);
  }
}
