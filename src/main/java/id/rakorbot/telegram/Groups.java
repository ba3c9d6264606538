package id.rakorbot.telegram;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.outbox.ChatEvents;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The groups the bot is in: which declared group a chat id stands for (also after Telegram moved a group
 * to a new supergroup id), and whether the bot is still a member.
 */
public final class Groups implements ChatEvents {

  private static final Logger log = LoggerFactory.getLogger(Groups.class);

  private final CurrentConfig config;

  public Groups(CurrentConfig config) {
    this.config = config;
  }

  /** Links every declared group to its chat id; keeps a newer id learned from a supergroup migration. */
  public void syncDeclared(Jdbi jdbi) {
    jdbi.useTransaction(handle -> {
      for (GroupConfig group : config.get().groups()) {
        Optional<Long> migratedTo = handle.createQuery(
                "SELECT chat_id FROM telegram_group WHERE config_id = :id AND migrated_from = :chatId")
            .bind("id", group.id()).bind("chatId", group.chatId()).mapTo(Long.class).findOne();
        if (migratedTo.isPresent()) {
          log.warn("Group '{}' moved to chat id {}; please update its chat_id in the config", group.id(), migratedTo.get());
          continue;
        }
        handle.createUpdate("UPDATE telegram_group SET config_id = NULL WHERE config_id = :id AND chat_id <> :chatId")
            .bind("id", group.id()).bind("chatId", group.chatId()).execute();
        handle.createUpdate("""
                INSERT INTO telegram_group (chat_id, config_id, title) VALUES (:chatId, :id, :title)
                ON CONFLICT (chat_id) DO UPDATE SET config_id = :id, updated_at = now()""")
            .bind("chatId", group.chatId()).bind("id", group.id()).bind("title", group.name()).execute();
      }
    });
  }

  /** The declared group behind a chat id, if any. */
  public Optional<GroupConfig> declared(Handle handle, long chatId) {
    return handle.createQuery("SELECT config_id FROM telegram_group WHERE chat_id = :chatId AND config_id IS NOT NULL")
        .bind("chatId", chatId).mapTo(String.class).findOne()
        .flatMap(id -> config.get().groupById(id))
        .or(() -> config.get().groupByChatId(chatId));
  }

  /** The chat id to write to for a declared group (its migrated id, if Telegram moved it). */
  public long chatIdOf(Handle handle, GroupConfig group) {
    return handle.createQuery("SELECT chat_id FROM telegram_group WHERE config_id = :id")
        .bind("id", group.id()).mapTo(Long.class).findOne().orElse(group.chatId());
  }

  void joined(Handle handle, long chatId, String title) {
    handle.createUpdate("""
            INSERT INTO telegram_group (chat_id, title, active) VALUES (:chatId, :title, true)
            ON CONFLICT (chat_id) DO UPDATE SET title = :title, active = true, updated_at = now()""")
        .bind("chatId", chatId).bind("title", title).execute();
  }

  @Override
  public void chatGone(Handle handle, long chatId) {
    handle.createUpdate("UPDATE telegram_group SET active = false, updated_at = now() WHERE chat_id = :chatId")
        .bind("chatId", chatId).execute();
  }

  @Override
  public void chatMigrated(Handle handle, long oldChatId, long newChatId) {
    handle.createUpdate("DELETE FROM telegram_group WHERE chat_id = :newId AND config_id IS NULL")
        .bind("newId", newChatId).execute();
    handle.createUpdate("""
            UPDATE telegram_group SET chat_id = :newId, migrated_from = :oldId, active = true, updated_at = now()
            WHERE chat_id = :oldId AND NOT EXISTS (SELECT 1 FROM telegram_group WHERE chat_id = :newId)""")
        .bind("oldId", oldChatId).bind("newId", newChatId).execute();
    handle.createUpdate("""
            UPDATE outbox_message
            SET chat_id = :newId, payload = jsonb_set(payload, '{chat_id}', to_jsonb(CAST(:newId AS text)))
            WHERE chat_id = :oldId AND status = 'pending'""")
        .bind("oldId", oldChatId).bind("newId", newChatId).execute();
    log.warn("Chat {} became supergroup {}; please update chat_id in the config", oldChatId, newChatId);
  }
}
