package id.rakorbot.briefing;

import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.schedule.Occurrence;
import id.rakorbot.schedule.Reminders;
import id.rakorbot.telegram.Groups;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Posts a meeting's bahan rapat to each of its groups when its time comes (H-1 08:00 by default). Every part
 * carries a dedup key (meeting, group, part), so a trigger fired twice or on two instances posts it once.
 */
public final class BriefingPoster implements Reminders.Briefer {

  private final CurrentConfig config;
  private final Groups groups;
  private final Outbox outbox;

  public BriefingPoster(CurrentConfig config, Groups groups, Outbox outbox) {
    this.config = config;
    this.groups = groups;
    this.outbox = outbox;
  }

  @Override
  public void post(Handle handle, Occurrence occurrence) {
    var current = config.get();
    List<String> parts = BriefingText.parts(Briefings.build(handle, current, occurrence));
    for (String groupId : occurrence.schedule().groups()) {
      Optional<GroupConfig> group = current.groupById(groupId);
      if (group.isEmpty()) {
        continue;
      }
      long chatId = groups.chatIdOf(handle, group.get());
      for (int i = 0; i < parts.size(); i++) {
        var message = SendMessage.builder().chatId(chatId).text(parts.get(i)).parseMode(ParseMode.HTML).disableWebPagePreview(true);
        group.get().topic().ifPresent(message::messageThreadId);
        outbox.enqueue(handle, chatId, message.build(), Priority.SCHEDULED,
            Optional.of("bahan:" + occurrence.key() + ":" + groupId + ":" + i));
      }
    }
  }
}
