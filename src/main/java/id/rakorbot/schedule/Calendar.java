package id.rakorbot.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The occurrences a schedule gives, with holidays skipped or shifted to the next working day. */
public record Calendar(Holidays holidays) {

  /** Looks this many raw dates ahead for one that is not skipped; a year of weekly holidays is absurd. */
  private static final int MAX_SKIPS = 60;
  /**
   * A meeting shifted past a holiday run keeps being the next one after its original date has passed
   * (Nyepi 19 March 2026 moves to 25 March, after the whole Lebaran break): raw dates this far back are
   * looked at too. Longer than any run of holidays and cuti bersama.
   */
  static final Duration SHIFT_LOOKBACK = Duration.ofDays(21);

  /** The next {@code count} occurrences starting after {@code after}, in order. */
  public List<Occurrence> next(Schedule schedule, Instant after, int count) {
    List<Occurrence> found = new ArrayList<>();
    ZonedDateTime from = after.atZone(schedule.zone());
    ZonedDateTime cursor = from.minus(SHIFT_LOOKBACK);
    for (int tries = 0; tries < count + MAX_SKIPS; ) {
      Optional<ZonedDateTime> raw = schedule.recurrence().nextAfter(cursor, schedule.time());
      if (raw.isEmpty()) {
        break;
      }
      cursor = raw.get();
      if (cursor.isAfter(from)) {
        tries++;
        if (found.size() >= count && found.stream().allMatch(o -> !o.start().isAfter(raw.get()))) {
          break; // enough, and no later raw date can come before those found
        }
      }
      onWorkingDay(schedule, raw.get())
          .filter(o -> o.start().isAfter(from))
          .filter(o -> found.stream().noneMatch(f -> f.start().equals(o.start())))
          .ifPresent(found::add);
    }
    found.sort(Comparator.comparing(o -> o.start().toInstant()));
    return found.size() <= count ? found : List.copyOf(found.subList(0, count));
  }

  /** A date the schedule's rule gives, and its meeting: empty when a holiday skips it. */
  public record Slot(LocalDate date, Optional<Occurrence> occurrence) {}

  /** Every date the rule gives from {@code from} (exclusive) to {@code to}, skipped ones included, in order. */
  public List<Slot> slots(Schedule schedule, Instant from, Instant to) {
    List<Slot> slots = new ArrayList<>();
    ZonedDateTime cursor = from.atZone(schedule.zone());
    for (int i = 0; i < 5_000; i++) {
      Optional<ZonedDateTime> raw = schedule.recurrence().nextAfter(cursor, schedule.time());
      if (raw.isEmpty() || raw.get().toInstant().isAfter(to)) {
        break;
      }
      cursor = raw.get();
      slots.add(new Slot(raw.get().toLocalDate(), onWorkingDay(schedule, raw.get())));
    }
    return slots;
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
