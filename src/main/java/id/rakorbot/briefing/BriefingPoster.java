package id.rakorbot.briefing;

import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
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
  private final java.time.Clock clock;

  public BriefingPoster(CurrentConfig config, Groups groups, Outbox outbox, java.time.Clock clock) {
    this.clock = clock;
    this.config = config;
    this.groups = groups;
    this.outbox = outbox;
  }

  @Override
  public void post(Handle handle, Occurrence occurrence) {
    var current = config.get();
    Briefing briefing = Briefings.build(handle, current, occurrence, clock.instant());
    List<String> parts = BriefingText.parts(briefing);
    byte[] chart = BriefingChart.png(briefing);
    for (String groupId : occurrence.schedule().groups()) {
      Optional<GroupConfig> group = groups.reachable(handle, groupId);
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
      outbox.enqueueFile(handle, chatId, group.get().topic(), BriefingFiles.chart(briefing, chart), Priority.SCHEDULED,
          Optional.of("bahan:" + occurrence.key() + ":" + groupId + ":chart"));
    }
    // The period's reports and the printable bahan rapat for the admins who prepare the meeting.
    var csv = BriefingFiles.csv(briefing, BriefingFiles.csvBytes(handle, current, briefing));
    var pdf = BriefingFiles.pdf(current, briefing, chart, clock.instant().atZone(occurrence.start().getZone()));
    for (Official admin : current.admins()) {
      outbox.enqueueFile(handle, admin.userId(), Optional.empty(), csv, Priority.BULK,
          Optional.of("bahan:" + occurrence.key() + ":csv:" + admin.userId()));
      outbox.enqueueFile(handle, admin.userId(), Optional.empty(), pdf, Priority.BULK,
          Optional.of("bahan:" + occurrence.key() + ":pdf:" + admin.userId()));
    }
  }
}
