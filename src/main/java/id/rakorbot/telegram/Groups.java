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
      for (ChatDao.Linked linked : handle.attach(ChatDao.class).declared()) {
        chatByGroup.put(linked.configId(), linked.chatId());
        groupByChat.put(linked.chatId(), linked.configId());
      }
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
      ChatDao chats = handle.attach(ChatDao.class);
      for (GroupConfig group : config.get().groups()) {
        Optional<Long> migratedTo = chats.migratedTo(group.id(), group.chatId());
        if (migratedTo.isPresent()) {
          log.warn("Group '{}' moved to chat id {}; please update its chat_id in the config", group.id(), migratedTo.get());
          continue;
        }
        chats.unlinkOthers(group.id(), group.chatId());
        chats.link(group.chatId(), group.id(), group.name());
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
    handle.attach(ChatDao.class).joined(chatId, title);
  }

  @Override
  public void chatGone(Handle handle, long chatId) {
    if (chatId > 0) {
      PrivateChats.forget(handle, chatId); // the person blocked the bot
      return;
    }
    handle.attach(ChatDao.class).left(chatId);
  }

  @Override
  public void chatMigrated(Handle handle, long oldChatId, long newChatId) {
    ChatDao chats = handle.attach(ChatDao.class);
    chats.clearUndeclared(newChatId);
    chats.migrate(oldChatId, newChatId);
    forget(handle);
    log.warn("Chat {} became supergroup {}; please update chat_id in the config", oldChatId, newChatId);
  }
}
