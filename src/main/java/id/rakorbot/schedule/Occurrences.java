package id.rakorbot.schedule;

import org.jdbi.v3.core.Handle;

/** The {@code schedule_occurrence} table: a numeric id per meeting, for buttons and attendance. */
final class Occurrences {

  private Occurrences() {}

  static long record(Handle handle, Occurrence occurrence) {
    return handle.createQuery("""
            INSERT INTO schedule_occurrence (schedule_id, starts_at, moved_from) VALUES (:schedule, :start, :movedFrom)
            ON CONFLICT (schedule_id, starts_at) DO UPDATE SET moved_from = EXCLUDED.moved_from
            RETURNING id""")
        .bind("schedule", occurrence.schedule().id())
        .bind("start", occurrence.start().toInstant())
        .bind("movedFrom", occurrence.movedFrom().orElse(null))
        .mapTo(Long.class).one();
  }
}
