package id.rakorbot.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The occurrences a schedule gives, with holidays skipped or shifted to the next working day. */
public record Calendar(Holidays holidays) {

  /** Looks this many raw dates ahead for one that is not skipped; a year of weekly holidays is absurd. */
  private static final int MAX_SKIPS = 60;

  /** The next {@code count} occurrences starting after {@code after}, in order. */
  public List<Occurrence> next(Schedule schedule, Instant after, int count) {
    List<Occurrence> found = new ArrayList<>();
    ZonedDateTime cursor = after.atZone(schedule.zone());
    ZonedDateTime from = cursor;
    for (int tries = 0; found.size() < count && tries < count + MAX_SKIPS; tries++) {
      Optional<ZonedDateTime> raw = schedule.recurrence().nextAfter(cursor, schedule.time());
      if (raw.isEmpty()) {
        break;
      }
      cursor = raw.get();
      Optional<Occurrence> occurrence = onWorkingDay(schedule, raw.get());
      if (occurrence.isPresent() && occurrence.get().start().isAfter(from)
          && found.stream().noneMatch(o -> o.start().equals(occurrence.get().start()))) {
        found.add(occurrence.get());
      }
    }
    return found;
  }

  private Optional<Occurrence> onWorkingDay(Schedule schedule, ZonedDateTime start) {
    LocalDate date = start.toLocalDate();
    if (!holidays.isHoliday(date)) {
      return Optional.of(new Occurrence(schedule, start, Optional.empty()));
    }
    if (schedule.onHoliday() == HolidayPolicy.SKIP) {
      return Optional.empty();
    }
    LocalDate moved = holidays.nextWorkingDay(date);
    return Optional.of(new Occurrence(schedule, start.with(moved), Optional.of(date)));
  }
}
