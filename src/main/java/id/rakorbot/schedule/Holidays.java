package id.rakorbot.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** National holidays and cuti bersama; with weekends, the days on which a shifted meeting does not fall. */
public record Holidays(Set<LocalDate> dates) {

  public Holidays {
    dates = Set.copyOf(dates);
  }

  public boolean isHoliday(LocalDate date) {
    return dates.contains(date);
  }

  public boolean isWorkingDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY && !isHoliday(date);
  }

  /** The first working day after {@code date}. */
  public LocalDate nextWorkingDay(LocalDate date) {
    LocalDate next = date.plusDays(1);
    while (!isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }
}
