package id.rakorbot.schedule;

import id.rakorbot.config.CurrentConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Meetings by their numeric id (as buttons and commands name them), and the next one of some groups. */
public final class Sessions {

  /** A meeting with its id. */
  public record Session(long id, Occurrence occurrence) {
    public Schedule schedule() {
      return occurrence.schedule();
    }

    public boolean started(Instant now) {
      return !now.isBefore(occurrence.start().toInstant());
    }

    public boolean ended(Instant now) {
      return !now.isBefore(occurrence.end().toInstant());
    }
  }

  private final CurrentConfig config;
  private final Clock clock;

  public Sessions(CurrentConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** The meeting with this id, if its schedule still exists. */
  public Optional<Session> byId(Handle handle, long id) {
    return handle.createQuery("SELECT schedule_id, starts_at, moved_from FROM schedule_occurrence WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new Stored(rs.getString("schedule_id"), rs.getObject("starts_at", java.time.OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getObject("moved_from", LocalDate.class))))
        .findOne()
        .flatMap(stored -> schedule(stored.scheduleId()).map(s ->
            new Session(id, new Occurrence(s, stored.start().atZone(s.zone()), stored.movedFrom()))));
  }

  /** The next meeting (not yet started) of any of these groups. */
  public Optional<Session> next(Handle handle, Collection<String> groupIds) {
    return ScheduleBook.of(config.get()).upcoming(groupIds, clock.instant(), 1).stream()
        .findFirst()
        .map(o -> new Session(Occurrences.record(handle, o), o));
  }

  /** The most recent meeting of these groups that has started, among those the bot has reminded about. */
  public Optional<Session> latestStarted(Handle handle, Collection<String> groupIds) {
    return handle.createQuery("SELECT id, schedule_id FROM schedule_occurrence WHERE starts_at <= :now ORDER BY starts_at DESC LIMIT 50")
        .bind("now", clock.instant())
        .map((rs, ctx) -> rs.getLong("id"))
        .list().stream()
        .flatMap(id -> byId(handle, id).stream())
        .filter(session -> session.schedule().groups().stream().anyMatch(groupIds::contains))
        .findFirst();
  }

  /**
   * The most recent meeting of these groups' schedules that has started, on the calendar, held at most
   * {@code lookBack} ago (a quarter covers a quarterly forum): the meeting whose arahan are being recorded.
   */
  public Optional<Session> latestHeld(Handle handle, Collection<String> groupIds, java.time.Duration lookBack) {
    ScheduleBook book = ScheduleBook.of(config.get());
    Instant now = clock.instant();
    return book.forGroups(groupIds).stream()
        .flatMap(schedule -> book.calendar().next(schedule, now.minus(lookBack), 200).stream())
        .filter(o -> !o.start().toInstant().isAfter(now))
        .max(java.util.Comparator.comparing(o -> o.start().toInstant()))
        .map(o -> new Session(Occurrences.record(handle, o), o));
  }

  private Optional<Schedule> schedule(String id) {
    return ScheduleBook.of(config.get()).byId(id);
  }

  private record Stored(String scheduleId, Instant start, Optional<LocalDate> movedFrom) {}
}
