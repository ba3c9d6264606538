package id.rakorbot.schedule;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * One meeting of a schedule: when it starts, and the original date if a holiday moved it.
 *
 * @param key stable text key: schedule id and local start, e.g. {@code rakor_pks@2026-01-28T09:00}
 */
public record Occurrence(Schedule schedule, ZonedDateTime start, Optional<LocalDate> movedFrom) {

  public String key() {
    return schedule.id() + "@" + start.toLocalDateTime();
  }

  public ZonedDateTime end() {
    return start.plus(schedule.duration());
  }
}
