package id.rakorbot.calendar;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.schedule.Calendar;
import id.rakorbot.schedule.IndonesianTime;
import id.rakorbot.schedule.Occurrence;
import id.rakorbot.schedule.Reminder;
import id.rakorbot.schedule.Schedule;
import id.rakorbot.schedule.ScheduleBook;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The meetings in the officials' calendars, kept in step with the config. Each date a schedule's rule gives is one
 * event (its UID: the schedule and that date, so a meeting moved to another hour stays the same event); when its
 * time, place or link changes its SEQUENCE rises; when a holiday now skips it, or the schedule leaves the file, it
 * is cancelled. Past meetings are never rewritten.
 */
final class CalendarEvents {

  static final Duration AHEAD = Duration.ofDays(366);
  static final Duration BACK = Duration.ofDays(92);

  private CalendarEvents() {}

  record Stored(String uid, String scheduleId, LocalDate slotDate, Instant startsAt, Instant endsAt, String fingerprint,
      int sequence, boolean cancelled, Instant changedAt) {}

  static String uid(String scheduleId, LocalDate slot) {
    return scheduleId + "-" + slot + "@rakorbot";
  }

  /** An event whose time, place or link changed, or that was cancelled, and the groups that had its file. */
  record Change(String uid, List<String> announcedTo) {}

  /**
   * Brings the stored events in step with {@code config} from now on (of one schedule, or of all, which also cancels
   * those of schedules gone from the file); the changed events that groups had a file of.
   */
  static List<Change> reconcile(Handle handle, RakorbotConfig config, Instant now, Optional<String> onlySchedule) {
    ScheduleBook book = ScheduleBook.of(config);
    Map<String, Stored> stored = new HashMap<>();
    of(handle, onlySchedule.map(List::of).orElse(null), now.minus(BACK).minus(Duration.ofDays(1)), now.plus(AHEAD).plus(AHEAD))
        .forEach(s -> stored.put(s.uid(), s));
    List<String> updated = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Schedule schedule : book.all().stream().filter(s -> onlySchedule.isEmpty() || onlySchedule.get().equals(s.id())).toList()) {
      for (Calendar.Slot slot : book.calendar().slots(schedule, now.minus(BACK), now.plus(AHEAD))) {
        String uid = uid(schedule.id(), slot.date());
        seen.add(uid);
        Stored before = stored.get(uid);
        Instant start = slot.occurrence().map(o -> o.start().toInstant())
            .orElse(slot.date().atTime(schedule.time()).atZone(schedule.zone()).toInstant());
        boolean past = !start.isAfter(now);
        if (before != null && past) {
          continue; // a meeting held stays as it was
        }
        String fingerprint = slot.occurrence().map(CalendarEvents::fingerprint).orElse("dilewati");
        boolean cancelled = slot.occurrence().isEmpty();
        if (before == null) {
          if (cancelled && past) {
            continue;
          }
          insert(handle, uid, schedule, slot.date(), start, start.plus(schedule.duration()), fingerprint, 0, cancelled, now);
        } else if (!before.fingerprint().equals(fingerprint) || before.cancelled() != cancelled) {
          update(handle, uid, start, start.plus(schedule.duration()), fingerprint, before.sequence() + 1, cancelled, now);
          updated.add(uid);
        }
      }
    }
    // Events still ahead that the config no longer gives (the schedule removed, its rule changed): cancelled.
    for (Stored s : stored.values()) {
      if (onlySchedule.isEmpty() && !seen.contains(s.uid()) && !s.cancelled() && s.startsAt().isAfter(now)) {
        update(handle, s.uid(), s.startsAt(), s.endsAt(), "dihapus", s.sequence() + 1, true, now);
        updated.add(s.uid());
      }
    }
    if (updated.isEmpty()) {
      return List.of();
    }
    return handle.createQuery("SELECT uid, announced_to FROM calendar_event WHERE uid = ANY(:uids) AND cardinality(announced_to) > 0")
        .bind("uids", updated.toArray(String[]::new))
        .map((rs, ctx) -> new Change(rs.getString("uid"), List.of((String[]) rs.getArray("announced_to").getArray()))).list();
  }

  /** The group had the event's file with its announcement. */
  static void announcedTo(Handle handle, String uid, String groupId) {
    handle.createUpdate("UPDATE calendar_event SET announced_to = array_append(announced_to, :group) WHERE uid = :uid"
        + " AND NOT (:group = ANY(announced_to))").bind("uid", uid).bind("group", groupId).execute();
  }

  static Optional<Stored> byUid(Handle handle, String uid) {
    return handle.createQuery("SELECT * FROM calendar_event WHERE uid = :uid").bind("uid", uid).map(CalendarEvents::row).findOne();
  }

  /** What a calendar shows of a meeting: when it changes, the event's SEQUENCE rises. */
  static String fingerprint(Occurrence o) {
    Schedule s = o.schedule();
    return String.join("|", o.start().toInstant().toString(), o.end().toInstant().toString(), s.title(), s.venue().orElse(""),
        s.link().orElse(""), s.mode().name(), s.reminders().stream().map(Reminder::code).collect(Collectors.joining(",")));
  }

  private static void insert(Handle handle, String uid, Schedule schedule, LocalDate slot, Instant start, Instant end, String fingerprint,
      int sequence, boolean cancelled, Instant now) {
    handle.createUpdate("""
            INSERT INTO calendar_event (uid, schedule_id, slot_date, starts_at, ends_at, fingerprint, sequence, cancelled, changed_at)
            VALUES (:uid, :schedule, :slot, :start, :end, :fingerprint, :sequence, :cancelled, :now)
            ON CONFLICT (uid) DO NOTHING""")
        .bind("uid", uid).bind("schedule", schedule.id()).bind("slot", slot).bind("start", start).bind("end", end)
        .bind("fingerprint", fingerprint).bind("sequence", sequence).bind("cancelled", cancelled).bind("now", now).execute();
  }

  private static void update(Handle handle, String uid, Instant start, Instant end, String fingerprint, int sequence, boolean cancelled,
      Instant now) {
    handle.createUpdate("""
            UPDATE calendar_event SET starts_at = :start, ends_at = :end, fingerprint = :fingerprint, sequence = :sequence,
                   cancelled = :cancelled, changed_at = :now
            WHERE uid = :uid AND sequence < :sequence""")
        .bind("uid", uid).bind("start", start).bind("end", end).bind("fingerprint", fingerprint).bind("sequence", sequence)
        .bind("cancelled", cancelled).bind("now", now).execute();
  }

  /** The stored events of these schedules (all when null) between {@code from} and {@code to}, in order. */
  static List<Stored> of(Handle handle, Collection<String> scheduleIds, Instant from, Instant to) {
    return handle.createQuery("""
            SELECT uid, schedule_id, slot_date, starts_at, ends_at, fingerprint, sequence, cancelled, changed_at FROM calendar_event
            WHERE (CAST(:schedules AS text[]) IS NULL OR schedule_id = ANY(:schedules)) AND starts_at >= :from AND starts_at < :to
            ORDER BY starts_at, uid""")
        .bind("schedules", scheduleIds == null ? null : scheduleIds.toArray(String[]::new)).bind("from", from).bind("to", to)
        .map(CalendarEvents::row).list();
  }

  private static Stored row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
    return new Stored(rs.getString("uid"), rs.getString("schedule_id"), rs.getObject("slot_date", LocalDate.class),
        rs.getObject("starts_at", java.time.OffsetDateTime.class).toInstant(), rs.getObject("ends_at", java.time.OffsetDateTime.class).toInstant(),
        rs.getString("fingerprint"), rs.getInt("sequence"), rs.getBoolean("cancelled"),
        rs.getObject("changed_at", java.time.OffsetDateTime.class).toInstant());
  }

  /** The event of one stored row, with what the config says of its schedule (title, place, link, reminders). */
  static Optional<Ics.Event> event(Stored row, ScheduleBook book) {
    return book.byId(row.scheduleId()).map(s -> event(row, s))
        .or(() -> Optional.of(new Ics.Event(row.uid(), row.sequence(), true, row.scheduleId(),
            row.startsAt().atZone(book.config().bot().zone()), row.endsAt().atZone(book.config().bot().zone()), Optional.empty(),
            Optional.empty(), "Pertemuan ini dihapus dari jadwal.", List.of(), row.changedAt())));
  }

  static Ics.Event event(Stored row, Schedule s) {
    ZonedDateTime start = row.startsAt().atZone(s.zone());
    String description = s.kind().label() + " · " + s.mode().label() + s.agenda().map(a -> "\nAgenda: " + a).orElse("")
        + s.link().map(l -> "\nTautan: " + l).orElse("") + "\nWaktu: " + IndonesianTime.dateTime(start)
        + (row.cancelled() ? "\nDibatalkan." : "");
    List<Duration> alarms = new ArrayList<>();
    s.reminders().forEach(r -> alarms.add(r.before()));
    return new Ics.Event(row.uid(), row.sequence(), row.cancelled(), s.title(), start, row.endsAt().atZone(s.zone()), s.venue(),
        s.link(), description, alarms, row.changedAt());
  }
}
