package id.rakorbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalendarTest {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  private static final Holidays HOLIDAYS_2026 = new Holidays(Set.of(
      LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 19), LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 21),
      LocalDate.of(2026, 3, 22), LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 24),
      LocalDate.of(2026, 5, 14), LocalDate.of(2026, 8, 17)));

  private static Schedule schedule(Recurrence recurrence, HolidayPolicy policy, ZoneId zone) {
    return new Schedule("s", "Rakor", Schedule.Kind.RAKOR, List.of("g"), Optional.empty(), Schedule.Mode.LURING,
        Optional.empty(), Optional.empty(), LocalTime.of(9, 0), Duration.ofHours(2), recurrence,
        List.of(new Reminder(Duration.ofDays(1))), Optional.empty(), policy, zone, Optional.empty(), true);
  }

  private static List<LocalDateTime> starts(Schedule schedule, String after, int count) {
    return new Calendar(HOLIDAYS_2026).next(schedule, LocalDateTime.parse(after).atZone(schedule.zone()).toInstant(), count)
        .stream().map(o -> o.start().toLocalDateTime()).toList();
  }

  @Test
  void theLastWednesdayOfEveryMonth() {
    var lastWednesday = new Recurrence.Monthly(1, Month.JANUARY, new Recurrence.NthWeekday(-1, DayOfWeek.WEDNESDAY));

    assertThat(starts(schedule(lastWednesday, HolidayPolicy.SHIFT, WIB), "2026-01-01T00:00", 4)).containsExactly(
        LocalDateTime.parse("2026-01-28T09:00"), LocalDateTime.parse("2026-02-25T09:00"),
        LocalDateTime.parse("2026-03-25T09:00"), LocalDateTime.parse("2026-04-29T09:00"));
  }

  @Test
  void quarterlyOnTheFirstWednesdayOfJanuaryAprilJulyOctober() {
    var quarterly = new Recurrence.Monthly(3, Month.JANUARY, new Recurrence.NthWeekday(1, DayOfWeek.WEDNESDAY));

    assertThat(starts(schedule(quarterly, HolidayPolicy.SHIFT, WIB), "2026-01-08T00:00", 3)).containsExactly(
        LocalDateTime.parse("2026-04-01T09:00"), LocalDateTime.parse("2026-07-01T09:00"), LocalDateTime.parse("2026-10-07T09:00"));
  }

  @Test
  void aMeetingAlreadyStartedTodayIsNotNext() {
    var weekly = new Recurrence.Weekly(DayOfWeek.THURSDAY);

    assertThat(starts(schedule(weekly, HolidayPolicy.SKIP, WIB), "2026-05-07T09:00", 1)).containsExactly(LocalDateTime.parse("2026-05-21T09:00"));
    assertThat(starts(schedule(weekly, HolidayPolicy.SKIP, WIB), "2026-05-07T08:59", 1)).containsExactly(LocalDateTime.parse("2026-05-07T09:00"));
  }

  @Test
  void skipDropsAMeetingOnAHoliday() {
    var weekly = new Recurrence.Weekly(DayOfWeek.THURSDAY);

    assertThat(starts(schedule(weekly, HolidayPolicy.SKIP, WIB), "2026-05-08T00:00", 2)).containsExactly(
        LocalDateTime.parse("2026-05-21T09:00"), LocalDateTime.parse("2026-05-28T09:00"));
  }

  @Test
  void shiftMovesToTheNextWorkingDayAndRemembersTheOriginalDate() {
    var monthlyOn17th = new Recurrence.Monthly(1, Month.JANUARY, new Recurrence.DayOfMonth(17));

    var next = new Calendar(HOLIDAYS_2026).next(schedule(monthlyOn17th, HolidayPolicy.SHIFT, WIB),
        LocalDateTime.parse("2026-08-01T00:00").atZone(WIB).toInstant(), 1).getFirst();
    assertThat(next.start().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-08-18T09:00"));
    assertThat(next.movedFrom()).contains(LocalDate.of(2026, 8, 17));
  }

  @Test
  void shiftSkipsWeekendsAndARunOfCutiBersama() {
    var once = new Recurrence.Once(LocalDate.of(2026, 3, 18));

    assertThat(starts(schedule(once, HolidayPolicy.SHIFT, WIB), "2026-03-01T00:00", 1)).containsExactly(LocalDateTime.parse("2026-03-25T09:00"));
  }

  /** Found by the season test: the shifted meeting stayed "next" only until its original date passed. */
  @Test
  void aMeetingShiftedPastTheNextRawDateStaysNextAfterItsOriginalDatePassed() {
    var thursdays = new Recurrence.Weekly(java.time.DayOfWeek.THURSDAY);
    Schedule weekly = schedule(thursdays, HolidayPolicy.SHIFT, WIB);

    assertThat(starts(weekly, "2026-03-13T00:00", 2))
        .containsExactly(LocalDateTime.parse("2026-03-25T09:00"), LocalDateTime.parse("2026-03-26T09:00"));
    assertThat(starts(weekly, "2026-03-20T00:00", 2)) // 19 March, the original date, has passed
        .containsExactly(LocalDateTime.parse("2026-03-25T09:00"), LocalDateTime.parse("2026-03-26T09:00"));
    assertThat(starts(weekly, "2026-03-25T09:00", 1)).containsExactly(LocalDateTime.parse("2026-03-26T09:00"));
  }

  @Test
  void aDayOfMonthBeyondTheMonthsEndFallsOnItsLastDay() {
    var on31st = new Recurrence.Monthly(1, Month.JANUARY, new Recurrence.DayOfMonth(31));

    assertThat(starts(schedule(on31st, HolidayPolicy.SKIP, WIB), "2026-02-01T00:00", 2)).containsExactly(
        LocalDateTime.parse("2026-02-28T09:00"), LocalDateTime.parse("2026-03-31T09:00"));
  }

  @Test
  void aOneOffMeetingHappensOnceAndNotAfter() {
    var once = new Recurrence.Once(LocalDate.of(2026, 12, 3));

    assertThat(starts(schedule(once, HolidayPolicy.SHIFT, WIB), "2026-11-22T00:00", 3)).containsExactly(LocalDateTime.parse("2026-12-03T09:00"));
    assertThat(starts(schedule(once, HolidayPolicy.SHIFT, WIB), "2026-12-04T00:00", 3)).isEmpty();
  }

  @Test
  void cronCarriesItsOwnTimeInTheSchedulesZone() {
    var fridayEvenings = new Recurrence.Cron("0 30 19 ? * FRI");

    var next = new Calendar(HOLIDAYS_2026).next(schedule(fridayEvenings, HolidayPolicy.SKIP, WITA),
        LocalDateTime.parse("2026-11-22T00:00").atZone(WITA).toInstant(), 2);
    assertThat(next).extracting(o -> o.start().toLocalDateTime()).containsExactly(
        LocalDateTime.parse("2026-11-27T19:30"), LocalDateTime.parse("2026-12-04T19:30"));
    assertThat(next.getFirst().start().toInstant()).hasToString("2026-11-27T11:30:00Z");
  }

  @Test
  void localTimeIsWallClockInEachZone() {
    var once = new Recurrence.Once(LocalDate.of(2026, 12, 3));

    assertThat(new Calendar(HOLIDAYS_2026).next(schedule(once, HolidayPolicy.SHIFT, WITA), LocalDateTime.parse("2026-11-22T00:00").atZone(WITA).toInstant(), 1)
        .getFirst().start().toInstant()).hasToString("2026-12-03T01:00:00Z");
  }
}
