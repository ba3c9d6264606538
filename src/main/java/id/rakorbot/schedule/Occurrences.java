package id.rakorbot.schedule;

import org.jdbi.v3.core.Handle;

/** Records a meeting in {@code schedule_occurrence} (see {@link OccurrenceDao}), giving it its numeric id. */
final class Occurrences {

  private Occurrences() {}

  static long record(Handle handle, Occurrence occurrence) {
    return handle.attach(OccurrenceDao.class).record(occurrence.schedule().id(), occurrence.start().toInstant(),
        occurrence.movedFrom().orElse(null));
  }
}
