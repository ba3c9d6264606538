package id.rakorbot.calendar;

import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.OutgoingFile;
import id.rakorbot.outbox.Priority;
import id.rakorbot.schedule.IndonesianTime;
import id.rakorbot.schedule.Occurrence;
import id.rakorbot.schedule.Reminders;
import id.rakorbot.schedule.Schedule;
import id.rakorbot.schedule.ScheduleBook;
import id.rakorbot.telegram.Groups;
import id.rakorbot.telegram.Html;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The calendar file of a meeting into its groups: with its announcement, and again when its time, place or link
 * changes (a higher SEQUENCE) or it is cancelled (METHOD:CANCEL). A schedule with {@code calendar: false} sends none.
 */
final class CalendarFiles implements Reminders.Announced {

  private final CurrentConfig config;
  private final Groups groups;
  private final Outbox outbox;
  private final Clock clock;

  CalendarFiles(CurrentConfig config, Groups groups, Outbox outbox, Clock clock) {
    this.config = config;
    this.groups = groups;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void announced(Handle handle, Occurrence occurrence, GroupConfig group, long chatId) {
    Schedule schedule = occurrence.schedule();
    if (!schedule.calendarFile()) {
      return;
    }
    RakorbotConfig current = config.get();
    changed(handle, CalendarEvents.reconcile(handle, current, clock.instant(), Optional.of(schedule.id())));
    String uid = CalendarEvents.uid(schedule.id(), occurrence.movedFrom().orElse(occurrence.start().toLocalDate()));
    CalendarEvents.byUid(handle, uid).ifPresent(row -> {
      // A meeting announced again after the file moved it: its calendar entry changes rather than being added.
      send(handle, CalendarEvents.event(row, schedule), group, chatId, row.sequence() > 0 ? "📅 Jadwal berubah: <b>" : "📅 Simpan ke kalender: <b>");
      CalendarEvents.announcedTo(handle, uid, group.id());
    });
  }

  /** The changes a reconcile found, to the groups that had the file. */
  void changed(Handle handle, List<CalendarEvents.Change> changes) {
    ScheduleBook book = ScheduleBook.of(config.get());
    for (CalendarEvents.Change change : changes) {
      CalendarEvents.byUid(handle, change.uid()).flatMap(row -> CalendarEvents.event(row, book)).ifPresent(event -> {
        for (String groupId : change.announcedTo()) {
          groups.reachable(handle, groupId).ifPresent(group -> send(handle, event, group, groups.chatIdOf(handle, group),
              event.cancelled() ? "❌ Dibatalkan: <b>" : "📅 Jadwal berubah: <b>"));
        }
      });
    }
  }

  private void send(Handle handle, Ics.Event event, GroupConfig group, long chatId, String lead) {
    byte[] ics = Ics.write(event.title(), event.cancelled() ? Ics.Method.CANCEL : Ics.Method.PUBLISH, List.of(event));
    String caption = lead + Html.escape(event.title()) + "</b>, " + IndonesianTime.dateTime(event.start())
        + (event.cancelled() ? "" : ". Buka berkas ini untuk menyimpannya di kalender ponsel.");
    outbox.enqueueFile(handle, chatId, group.topic(), OutgoingFile.document(fileName(event), ics, caption), Priority.SCHEDULED,
        Optional.of("ics:" + event.uid() + ":" + event.sequence() + ":" + group.id()));
  }

  static String fileName(Ics.Event event) {
    return event.uid().replace("@rakorbot", "") + ".ics";
  }
}
