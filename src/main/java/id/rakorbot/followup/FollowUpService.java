package id.rakorbot.followup;

import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.Groups;
import id.rakorbot.telegram.Html;
import id.rakorbot.telegram.PrivateChats;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/** Telling owners about their items: privately where Telegram allows it, else in the group the item came from. */
final class FollowUpService {

  private final Groups groups;
  private final Outbox outbox;
  private final Clock clock;

  FollowUpService(Groups groups, Outbox outbox, Clock clock) {
    this.groups = groups;
    this.outbox = outbox;
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }

  LocalDate today(RakorbotConfig config) {
    return clock.instant().atZone(config.bot().zone()).toLocalDate();
  }

  /** The owner's contacts who can be written to privately. */
  List<Long> reachable(Handle handle, RakorbotConfig config, FollowUp item) {
    return item.owner().contacts(config).stream().filter(user -> PrivateChats.opened(handle, user)).toList();
  }

  /**
   * Sends {@code html} to each reachable contact of the owner; when there is none, to the group the item was
   * recorded in, mentioning the owner with {@code inGroup}. Returns whether someone was told privately.
   */
  boolean tellOwner(Handle handle, RakorbotConfig config, FollowUp item, String html, String inGroupHtml, String dedupKey) {
    List<Long> reachable = reachable(handle, config, item);
    for (long user : reachable) {
      outbox.enqueue(handle, user, SendMessage.builder().chatId(user).text(html).parseMode(ParseMode.HTML).disableWebPagePreview(true).build(),
          Priority.SCHEDULED, Optional.of(dedupKey + ":" + user));
    }
    if (reachable.isEmpty() && item.chatId() < 0) {
      var message = SendMessage.builder().chatId(item.chatId()).text(inGroupHtml).parseMode(ParseMode.HTML).disableWebPagePreview(true);
      groups.declared(handle, item.chatId()).flatMap(g -> g.topic()).ifPresent(message::messageThreadId);
      outbox.enqueue(handle, item.chatId(), message.build(), Priority.SCHEDULED, Optional.of(dedupKey + ":group"));
    }
    return !reachable.isEmpty();
  }

  /** The owner, or each contact of a unit, as a mention that works without a username. */
  static String mention(RakorbotConfig config, Owner owner) {
    List<Long> contacts = owner.contacts(config);
    if (owner.userId().isPresent() || contacts.isEmpty()) {
      return owner.userId().map(id -> "<a href=\"tg://user?id=" + id + "\">" + Html.escape(owner.name()) + "</a>")
          .orElse("<b>" + Html.escape(owner.name()) + "</b>");
    }
    return "<b>" + Html.escape(owner.name()) + "</b> (" + contacts.stream()
        .map(id -> "<a href=\"tg://user?id=" + id + "\">" + Html.escape(config.official(id).map(Official::name).orElse("kontak")) + "</a>")
        .collect(Collectors.joining(", ")) + ")";
  }

  /** The topic a declared group's messages go to, if it has one. */
  Optional<Integer> topicOf(Handle handle, long chatId) {
    return chatId < 0 ? groups.declared(handle, chatId).flatMap(g -> g.topic()) : Optional.empty();
  }

  void toChat(Handle handle, long chatId, String html, Priority priority, Optional<String> dedupKey) {
    var message = SendMessage.builder().chatId(chatId).text(html).parseMode(ParseMode.HTML).disableWebPagePreview(true);
    if (chatId < 0) {
      groups.declared(handle, chatId).flatMap(g -> g.topic()).ifPresent(message::messageThreadId);
    }
    outbox.enqueue(handle, chatId, message.build(), priority, dedupKey);
  }
}
