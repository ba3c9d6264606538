package id.rakorbot.telegram;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code telegram_group} and {@code private_chat} tables: the chats the bot is in, and who started it privately. */
@RegisterConstructorMapper(ChatDao.Linked.class)
interface ChatDao {

  /** A declared group's current chat id. */
  record Linked(String configId, long chatId) {}

  @SqlQuery("SELECT config_id, chat_id FROM telegram_group WHERE config_id IS NOT NULL")
  List<Linked> declared();

  /** The chat a declared group moved to when Telegram made it a supergroup, if it did. */
  @SqlQuery("SELECT chat_id FROM telegram_group WHERE config_id = :configId AND migrated_from = :chatId")
  Optional<Long> migratedTo(String configId, long chatId);

  /** Links a declared group to its chat id, unlinking any other chat it was linked to. */
  @SqlUpdate("UPDATE telegram_group SET config_id = NULL WHERE config_id = :configId AND chat_id <> :chatId")
  void unlinkOthers(String configId, long chatId);

  @SqlUpdate("""
      INSERT INTO telegram_group (chat_id, config_id, title) VALUES (:chatId, :configId, :title)
      ON CONFLICT (chat_id) DO UPDATE SET config_id = :configId, updated_at = now()""")
  void link(long chatId, String configId, String title);

  @SqlUpdate("""
      INSERT INTO telegram_group (chat_id, title, active) VALUES (:chatId, :title, true)
      ON CONFLICT (chat_id) DO UPDATE SET title = :title, active = true, updated_at = now()""")
  void joined(long chatId, String title);

  @SqlUpdate("UPDATE telegram_group SET active = false, updated_at = now() WHERE chat_id = :chatId")
  void left(long chatId);

  /** A supergroup's new id takes over the old group's row (an undeclared row of the new id makes way). */
  @SqlUpdate("DELETE FROM telegram_group WHERE chat_id = :newChatId AND config_id IS NULL")
  void clearUndeclared(long newChatId);

  @SqlUpdate("""
      UPDATE telegram_group SET chat_id = :newChatId, migrated_from = :oldChatId, active = true, updated_at = now()
      WHERE chat_id = :oldChatId AND NOT EXISTS (SELECT 1 FROM telegram_group WHERE chat_id = :newChatId)""")
  void migrate(long oldChatId, long newChatId);

  @SqlUpdate("INSERT INTO private_chat (user_id, first_seen) VALUES (:userId, now()) ON CONFLICT DO NOTHING")
  void privateChatSeen(long userId);

  @SqlUpdate("DELETE FROM private_chat WHERE user_id = :userId")
  void privateChatGone(long userId);

  @SqlQuery("SELECT EXISTS (SELECT 1 FROM private_chat WHERE user_id = :userId)")
  boolean privateChatOpen(long userId);
}
