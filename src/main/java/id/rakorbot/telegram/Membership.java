package id.rakorbot.telegram;

import id.rakorbot.config.Official;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import java.util.List;
import java.util.Set;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Role;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.groupadministration.LeaveChat;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;

/** The bot's own membership: added to a group (declared or not), removed from it, group moved to a supergroup. */
final class Membership {

  private static final Logger log = LoggerFactory.getLogger(Membership.class);
  private static final Set<String> PRESENT = Set.of("member", "administrator", "restricted");

  private final CurrentConfig config;
  private final Groups groups;
  private final Outbox outbox;
  private final GroupBinding binding;

  Membership(CurrentConfig config, Groups groups, Outbox outbox, GroupBinding binding) {
    this.config = config;
    this.groups = groups;
    this.outbox = outbox;
    this.binding = binding;
  }

  void changed(Handle handle, ChatMemberUpdated change) {
    Chat chat = change.getChat();
    if (chat.isUserChat()) {
      return; // a user blocked or unblocked the bot in private: nothing to keep
    }
    boolean wasIn = PRESENT.contains(change.getOldChatMember().getStatus());
    boolean isIn = PRESENT.contains(change.getNewChatMember().getStatus());
    if (!isIn) {
      log.info("Bot left or was removed from chat {} ({})", chat.getId(), chat.getTitle());
      groups.chatGone(handle, chat.getId());
      return;
    }
    if (wasIn) {
      return; // promoted or restricted: still a member
    }
    groups.joined(handle, chat.getId(), chat.getTitle());
    groups.declared(handle, chat.getId()).ifPresentOrElse(
        group -> send(handle, chat.getId(), Texts.thanksForAdding(group)),
        () -> undeclared(handle, chat, change.getFrom() == null ? null : change.getFrom().getId()));
  }

  /**
   * A chat no group is bound to. Added by an admin while some declared groups wait for their chat: ask which it
   * is. Added by anyone else while some wait: say that only an admin may, and leave if the config says so.
   */
  private void undeclared(Handle handle, Chat chat, Long addedBy) {
    boolean leave = config.get().bot().leaveUndeclaredGroups();
    List<GroupConfig> waiting = groups.unbound(handle);
    if (!waiting.isEmpty()) {
      boolean byAdmin = addedBy != null && config.get().official(addedBy).filter(o -> o.has(Role.ADMIN)).isPresent();
      if (byAdmin) {
        log.info("Bot added to chat {} by an admin; asking which of {} unbound group(s) it is", chat.getId(), waiting.size());
        binding.ask(handle, chat.getId(), waiting);
        return;
      }
      log.warn("Bot added to chat {} by someone who is not an admin{}", chat.getId(), leave ? "; leaving" : "");
      send(handle, chat.getId(), Texts.notAddedByAdmin(leave));
      if (leave) {
        outbox.enqueue(handle, chat.getId(), LeaveChat.builder().chatId(chat.getId()).build(), Priority.SCHEDULED);
        groups.chatGone(handle, chat.getId());
      }
      return;
    }
    log.warn("Bot was added to undeclared chat {} ({}){}", chat.getId(), chat.getTitle(), leave ? "; leaving" : "");
    send(handle, chat.getId(), Texts.undeclaredGroup(chat.getId(), leave));
    if (leave) {
      outbox.enqueue(handle, chat.getId(), LeaveChat.builder().chatId(chat.getId()).build(), Priority.SCHEDULED);
      groups.chatGone(handle, chat.getId());
    }
    for (Official admin : config.get().admins()) {
      send(handle, admin.userId(), Texts.adminUndeclaredGroup(chat.getTitle(), chat.getId()));
    }
  }

  void migrated(Handle handle, long oldChatId, long newChatId) {
    outbox.moveChat(handle, oldChatId, newChatId);
    groups.chatMigrated(handle, oldChatId, newChatId);
  }

  private void send(Handle handle, long chatId, String html) {
    outbox.enqueue(handle, chatId, html(chatId, html), Priority.SCHEDULED);
  }

  private static SendMessage html(long chatId, String html) {
    return SendMessage.builder().chatId(chatId).text(html).parseMode(ParseMode.HTML).build();
  }
}
