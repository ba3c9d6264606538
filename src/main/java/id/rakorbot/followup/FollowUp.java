package id.rakorbot.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One arahan to follow up.
 *
 * @param occurrenceId the meeting it was given at, if any
 * @param progressNotes how many /progres notes it has (more than none and still open: "dalam proses")
 */
public record FollowUp(long id, String number, Optional<Long> occurrenceId, Optional<String> scheduleId, long chatId,
    Owner owner, String description, LocalDate dueOn, boolean done, Instant recordedAt, Optional<Instant> doneAt,
    int progressNotes) {

  /** Open after its deadline day. */
  public boolean overdue(LocalDate today) {
    return !done && today.isAfter(dueOn);
  }

  /** Open, with at least one progress note. */
  public boolean inProgress() {
    return !done && progressNotes > 0;
  }
}
