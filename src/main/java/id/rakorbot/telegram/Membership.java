package id.rakorbot.telegram;

import id.rakorbot.config.Official;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import java.util.Set;
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

  Membership(CurrentConfig config, Groups groups, Outbox outbox) {
    this.config = config;
    this.groups = groups;
    this.outbox = outbox;
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
        () -> undeclared(handle, chat));
  }

  private void undeclared(Handle handle, Chat chat) {
    boolean leave = config.get().bot().leaveUndeclaredGroups();
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
