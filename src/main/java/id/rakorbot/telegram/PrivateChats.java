package id.rakorbot.telegram;

import org.jdbi.v3.core.Handle;

/**
 * Who has a private chat with the bot. Telegram lets a bot write privately only to people who started it
 * (and have not blocked it since); others must be reached in a group.
 */
public final class PrivateChats {

  private PrivateChats() {}

  static void seen(Handle handle, long userId) {
    handle.createUpdate("INSERT INTO private_chat (user_id, first_seen) VALUES (:user, now()) ON CONFLICT DO NOTHING")
        .bind("user", userId).execute();
  }

  static void forget(Handle handle, long userId) {
    handle.createUpdate("DELETE FROM private_chat WHERE user_id = :user").bind("user", userId).execute();
  }

  public static boolean opened(Handle handle, long userId) {
    return handle.createQuery("SELECT 1 FROM private_chat WHERE user_id = :user").bind("user", userId).mapTo(Integer.class).findOne().isPresent();
  }
}
