package id.rakorbot.schedule;

import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** When a schedule happens, before holidays are taken into account. */
public sealed interface Recurrence {

  /** The first start strictly after {@code after}, at local {@code time} in the zone of {@code after}. */
  Optional<ZonedDateTime> nextAfter(ZonedDateTime after, LocalTime time);

  /** The shortest gap between two occurrences; reminders may not reach further back than this. */
  Optional<Duration> shortestInterval();

  /** A recurrence that names dates; the time of day comes from the schedule. */
  sealed interface ByDate extends Recurrence {

    /** The first date of the recurrence on or after {@code from}, if any. */
    Optional<LocalDate> firstOnOrAfter(LocalDate from);

    @Override
    default Optional<ZonedDateTime> nextAfter(ZonedDateTime after, LocalTime time) {
      LocalDate from = after.toLocalDate();
      for (int i = 0; i < 3; i++) {
        Optional<LocalDate> date = firstOnOrAfter(from);
        if (date.isEmpty()) {
          return Optional.empty();
        }
        ZonedDateTime start = date.get().atTime(time).atZone(after.getZone());
        if (start.isAfter(after)) {
          return Optional.of(start);
        }
        from = date.get().plusDays(1);
      }
      return Optional.empty();
    }
  }

  /** Every week on a weekday. */
  record Weekly(DayOfWeek day) implements ByDate {
    @Override
    public Optional<LocalDate> firstOnOrAfter(LocalDate from) {
      return Optional.of(from.with(TemporalAdjusters.nextOrSame(day)));
    }

    @Override
    public Optional<Duration> shortestInterval() {
      return Optional.of(Duration.ofDays(7));
    }
  }

  /**
   * Every {@code months} months (1 = monthly, 3 = quarterly) counted from {@code firstMonth}, on a day of
   * the month or on the nth / last weekday.
   */
  record Monthly(int months, Month firstMonth, DayInMonth day) implements ByDate {
    @Override
    public Optional<LocalDate> firstOnOrAfter(LocalDate from) {
      LocalDate month = from.withDayOfMonth(1);
      for (int i = 0; i < 24; i++, month = month.plusMonths(1)) {
        if (Math.floorMod(month.getMonthValue() - firstMonth.getValue(), months) != 0) {
          continue;
        }
        LocalDate date = day.in(month);
        if (!date.isBefore(from)) {
          return Optional.of(date);
        }
      }
      return Optional.empty();
    }

    @Override
    public Optional<Duration> shortestInterval() {
      return Optional.of(Duration.ofDays(28L * months)); // the nth weekday can come round after 4 weeks a month
    }
  }

  /** Which day of a month: a fixed day (clamped to the month's length) or the nth or last weekday. */
  sealed interface DayInMonth {
    LocalDate in(LocalDate firstOfMonth);
  }

  record DayOfMonth(int day) implements DayInMonth {
    @Override
    public LocalDate in(LocalDate firstOfMonth) {
      return firstOfMonth.withDayOfMonth(Math.min(day, firstOfMonth.lengthOfMonth()));
    }
  }

  /** The nth weekday of the month (1-4), or the last one when {@code nth} is -1. */
  record NthWeekday(int nth, DayOfWeek day) implements DayInMonth {
    @Override
    public LocalDate in(LocalDate firstOfMonth) {
      return nth < 0
          ? firstOfMonth.with(TemporalAdjusters.lastInMonth(day))
          : firstOfMonth.with(TemporalAdjusters.dayOfWeekInMonth(nth, day));
    }
  }

  /** Once, on a date (an ad hoc rakor). */
  record Once(LocalDate date) implements ByDate {
    @Override
    public Optional<LocalDate> firstOnOrAfter(LocalDate from) {
      return date.isBefore(from) ? Optional.empty() : Optional.of(date);
    }

    @Override
    public Optional<Duration> shortestInterval() {
      return Optional.empty();
    }
  }

  /** A Quartz cron expression, for everything else; it carries its own time of day. */
  record Cron(String expression) implements Recurrence {
    @Override
    public Optional<ZonedDateTime> nextAfter(ZonedDateTime after, LocalTime ignored) {
      CronExpression cron = compile(expression, after.getZone());
      Date next = cron.getNextValidTimeAfter(Date.from(after.toInstant()));
      return Optional.ofNullable(next).map(d -> d.toInstant().atZone(after.getZone()));
    }

    @Override
    public Optional<Duration> shortestInterval() {
      ZonedDateTime at = ZonedDateTime.now(ZoneId.of("UTC"));
      Duration shortest = null;
      Optional<ZonedDateTime> previous = nextAfter(at, LocalTime.MIDNIGHT);
      for (int i = 0; i < 50 && previous.isPresent(); i++) {
        Optional<ZonedDateTime> next = nextAfter(previous.get(), LocalTime.MIDNIGHT);
        if (next.isEmpty()) {
          break;
        }
        Duration gap = Duration.between(previous.get(), next.get());
        shortest = shortest == null || gap.compareTo(shortest) < 0 ? gap : shortest;
        previous = next;
      }
      return Optional.ofNullable(shortest);
    }

    static CronExpression compile(String expression, ZoneId zone) {
      try {
        CronExpression cron = new CronExpression(expression);
        cron.setTimeZone(TimeZone.getTimeZone(zone));
        return cron;
      } catch (ParseException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
  }
}
