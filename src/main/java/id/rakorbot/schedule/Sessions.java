package id.rakorbot.schedule;

import id.rakorbot.config.CurrentConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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
    return handle.attach(OccurrenceDao.class).byId(id).flatMap(this::session);
  }

  /** The id of a meeting the bot has recorded (announced, reminded, answered); none is made just to look. */
  public static Optional<Long> recordedId(Handle handle, Occurrence occurrence) {
    return handle.attach(OccurrenceDao.class).idOf(occurrence.schedule().id(), occurrence.start().toInstant());
  }

  /** The recorded meetings of these schedules that started in {@code [from, to)}, in time order. */
  public List<Session> startedBetween(Handle handle, Instant from, Instant to, Collection<String> scheduleIds) {
    return handle.attach(OccurrenceDao.class).startedBetween(from, to, scheduleIds.toArray(String[]::new)).stream()
        .flatMap(stored -> session(stored).stream()).toList();
  }

  /** The recorded meetings held in the last {@code lookBack}, newest first, at most {@code limit}. */
  public List<Session> heldWithin(Handle handle, java.time.Duration lookBack, int limit) {
    Instant now = clock.instant();
    return handle.attach(OccurrenceDao.class).newestStarted(now.minus(lookBack), now, limit).stream()
        .flatMap(stored -> session(stored).stream()).toList();
  }

  /** The next meeting (not yet started) of any of these groups. */
  public Optional<Session> next(Handle handle, Collection<String> groupIds) {
    return ScheduleBook.of(config.get()).upcoming(groupIds, clock.instant(), 1).stream()
        .findFirst()
        .map(o -> new Session(Occurrences.record(handle, o), o));
  }

  /** The most recent meeting of these groups that has started, among those the bot has reminded about. */
  public Optional<Session> latestStarted(Handle handle, Collection<String> groupIds) {
    return handle.attach(OccurrenceDao.class).newestStarted(Instant.EPOCH, clock.instant(), 50).stream()
        .flatMap(stored -> session(stored).stream())
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

  /** A stored meeting as a session, if its schedule is still in the config. */
  private Optional<Session> session(OccurrenceDao.Stored stored) {
    return ScheduleBook.of(config.get()).byId(stored.scheduleId()).map(s -> new Session(stored.id(),
        new Occurrence(s, stored.startsAt().atZone(s.zone()), Optional.ofNullable(stored.movedFrom()))));
  }
}
