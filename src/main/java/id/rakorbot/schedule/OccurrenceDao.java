package id.rakorbot.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code schedule_occurrence} table: a numeric id per meeting, for buttons, attendance and follow-ups. */
@RegisterConstructorMapper(OccurrenceDao.Stored.class)
interface OccurrenceDao {

  /** A meeting as stored: its schedule, start and (after a holiday shift) original date. */
  record Stored(long id, String scheduleId, Instant startsAt, LocalDate movedFrom) {}

  /** The meeting's id, recorded now if it is new (a shifted meeting keeps its id and notes its first date). */
  @SqlQuery("""
      INSERT INTO schedule_occurrence (schedule_id, starts_at, moved_from) VALUES (:schedule, :start, :movedFrom)
      ON CONFLICT (schedule_id, starts_at) DO UPDATE SET moved_from = EXCLUDED.moved_from
      RETURNING id""")
  long record(String schedule, Instant start, LocalDate movedFrom);

  @SqlQuery("SELECT id, schedule_id, starts_at, moved_from FROM schedule_occurrence WHERE id = :id")
  Optional<Stored> byId(long id);

  /** The id of a meeting the bot has recorded, without recording it. */
  @SqlQuery("SELECT id FROM schedule_occurrence WHERE schedule_id = :schedule AND starts_at = :start")
  Optional<Long> idOf(String schedule, Instant start);

  /** Recorded meetings that started in {@code [from, to)}, of some schedules, in time order. */
  @SqlQuery("""
      SELECT id, schedule_id, starts_at, moved_from FROM schedule_occurrence
      WHERE starts_at >= :from AND starts_at < :to AND schedule_id = ANY(CAST(:schedules AS text[])) ORDER BY starts_at""")
  List<Stored> startedBetween(Instant from, Instant to, String[] schedules);

  /** The newest {@code limit} recorded meetings that started in {@code (after, until]}. */
  @SqlQuery("""
      SELECT id, schedule_id, starts_at, moved_from FROM schedule_occurrence
      WHERE starts_at <= :until AND starts_at > :after ORDER BY starts_at DESC LIMIT :limit""")
  List<Stored> newestStarted(Instant after, Instant until, int limit);

  /** Whether reminder {@code code} of the meeting was posted already (its row is locked by {@link #record} in this transaction). */
  @SqlQuery("SELECT :code = ANY(reminders_done) FROM schedule_occurrence WHERE id = :id")
  boolean reminderDone(long id, String code);

  @SqlUpdate("UPDATE schedule_occurrence SET reminders_done = array_append(reminders_done, :code) WHERE id = :id")
  void markReminderDone(long id, String code);
}
