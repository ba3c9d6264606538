package id.rakorbot.schedule;

import org.jdbi.v3.core.Handle;

/** Records a meeting in {@code schedule_occurrence} (see {@link OccurrenceDao}), giving it its numeric id. */
final class Occurrences {

  private Occurrences() {}

  /** Whether reminder {@code code} of the meeting with this id was posted already (call after {@link #record}). */
  static boolean reminderDone(Handle handle, long occurrenceId, String code) {
    return handle.attach(OccurrenceDao.class).reminderDone(occurrenceId, code);
  }

  static void markReminderDone(Handle handle, long occurrenceId, String code) {
    handle.attach(OccurrenceDao.class).markReminderDone(occurrenceId, code);
  }

  /** The meeting's id; the row stays locked until commit, so announcing and reminding it are serialised. */
  static long record(Handle handle, Occurrence occurrence) {
    return handle.attach(OccurrenceDao.class).record(occurrence.schedule().id(), occurrence.start().toInstant(),
        occurrence.movedFrom().orElse(null));
  }
}
