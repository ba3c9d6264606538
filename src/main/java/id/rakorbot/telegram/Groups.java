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
        if (group.chatId() == null) {
          continue; // bound by an admin's tap (kept in telegram_group), or waiting for one
        }
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

  /** The chats declared groups are linked to, by group id, as the database holds them (for check-config). */
  public static Map<String, Long> bound(Jdbi jdbi) {
    Map<String, Long> bound = new HashMap<>();
    jdbi.withHandle(h -> h.attach(ChatDao.class).declared()).forEach(linked -> bound.put(linked.configId(), linked.chatId()));
    return bound;
  }

  /** The declared group behind a chat id, if any. */
  public Optional<GroupConfig> declared(Handle handle, long chatId) {
    return Optional.ofNullable(known(handle).groupByChat().get(chatId))
        .flatMap(id -> config.get().groupById(id))
        .or(() -> config.get().groupByChatId(chatId));
  }

  /** The chat id to write to for a group {@link #reachable} gave: its migrated id, the one an admin bound it to, else its chat_id. */
  public long chatIdOf(Handle handle, GroupConfig group) {
    Long chat = known(handle).chatByGroup().get(group.id());
    if (chat == null && group.chatId() == null) {
      throw new IllegalStateException("Group '" + group.id() + "' is not bound to a chat; ask reachable() first");
    }
    return chat != null ? chat : group.chatId();
  }

  /**
   * A declared group the bot can write to; none for an unknown id, or while the group waits for an admin to bind it
   * (what is meant for it then is not sent, and check-config names the schedules that wait).
   */
  public Optional<GroupConfig> reachable(Handle handle, String groupId) {
    Optional<GroupConfig> group = config.get().groupById(groupId);
    if (group.isPresent() && group.get().chatId() == null && !known(handle).chatByGroup().containsKey(groupId)) {
      log.info("Group '{}' is not bound to a Telegram group yet; nothing is sent to it", groupId);
      return Optional.empty();
    }
    return group;
  }

  /** The declared groups without a chat: no chat_id in the file and none bound by an admin. */
  public java.util.List<GroupConfig> unbound(Handle handle) {
    Known current = known(handle);
    return config.get().groups().stream().filter(g -> g.chatId() == null && !current.chatByGroup().containsKey(g.id())).toList();
  }

  /** Binds a declared group with no chat_id to this chat, as an admin chose in it. */
  void bind(Handle handle, long chatId, GroupConfig group, String title) {
    ChatDao chats = handle.attach(ChatDao.class);
    chats.unlinkOthers(group.id(), chatId);
    chats.link(chatId, group.id(), title);
    forget(handle);
    log.info("Group '{}' bound to chat {} by an admin", group.id(), chatId);
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
