package id.rakorbot.telegram;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.outbox.ChatEvents;
import java.util.HashMap;
import java.util.Map;
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

  /** How long the chat ids read from the database are trusted (a migration seen by another instance shows after this). */
  private static final long KEEP_NANOS = java.time.Duration.ofMinutes(1).toNanos();

  /** The declared groups' current chat ids, as {@code telegram_group} holds them, read at most once a minute. */
  private record Known(Map<String, Long> chatByGroup, Map<Long, String> groupByChat, long readAt) {}

  private final CurrentConfig config;
  private volatile Known known;

  public Groups(CurrentConfig config) {
    this.config = config;
  }

  private Known known(Handle handle) {
    Known current = known;
    if (current == null || System.nanoTime() - current.readAt() > KEEP_NANOS) {
      Map<String, Long> chatByGroup = new HashMap<>();
      Map<Long, String> groupByChat = new HashMap<>();
      handle.createQuery("SELECT config_id, chat_id FROM telegram_group WHERE config_id IS NOT NULL")
          .map((rs, ctx) -> Map.entry(rs.getString("config_id"), rs.getLong("chat_id")))
          .forEach(e -> {
            chatByGroup.put(e.getKey(), e.getValue());
            groupByChat.put(e.getValue(), e.getKey());
          });
      current = new Known(chatByGroup, groupByChat, System.nanoTime());
      known = current;
    }
    return current;
  }

  private void forget(Handle handle) {
    known = null;
    handle.afterCommit(() -> known = null);
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
      forget(handle);
    });
  }

  /** The declared group behind a chat id, if any. */
  public Optional<GroupConfig> declared(Handle handle, long chatId) {
    return Optional.ofNullable(known(handle).groupByChat().get(chatId))
        .flatMap(id -> config.get().groupById(id))
        .or(() -> config.get().groupByChatId(chatId));
  }

  /** The chat id to write to for a declared group (its migrated id, if Telegram moved it). */
  public long chatIdOf(Handle handle, GroupConfig group) {
    return known(handle).chatByGroup().getOrDefault(group.id(), group.chatId());
  }

  void joined(Handle handle, long chatId, String title) {
    handle.createUpdate("""
            INSERT INTO telegram_group (chat_id, title, active) VALUES (:chatId, :title, true)
            ON CONFLICT (chat_id) DO UPDATE SET title = :title, active = true, updated_at = now()""")
        .bind("chatId", chatId).bind("title", title).execute();
  }

  @Override
  public void chatGone(Handle handle, long chatId) {
    if (chatId > 0) {
      PrivateChats.forget(handle, chatId); // the person blocked the bot
      return;
    }
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
    forget(handle);
    log.warn("Chat {} became supergroup {}; please update chat_id in the config", oldChatId, newChatId);
  }
}
