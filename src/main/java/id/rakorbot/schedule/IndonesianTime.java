package id.rakorbot.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Days, months, zones and durations the way Indonesian officials write them. */
public final class IndonesianTime {

  private static final String[] DAYS = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};
  private static final String[] MONTHS = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
      "Agustus", "September", "Oktober", "November", "Desember"};
  private static final Map<String, String> ZONES = Map.of(
      "Asia/Jakarta", "WIB", "Asia/Pontianak", "WIB",
      "Asia/Makassar", "WITA", "Asia/Ujung_Pandang", "WITA",
      "Asia/Jayapura", "WIT");

  private IndonesianTime() {}

  public static String day(DayOfWeek day) {
    return DAYS[day.getValue() - 1];
  }

  public static String month(Month month) {
    return MONTHS[month.getValue() - 1];
  }

  /** "WIB", "WITA", "WIT", or the UTC offset for other zones. */
  public static String zone(ZoneId zone) {
    return ZONES.getOrDefault(zone.getId(), zone.getDisplayName(TextStyle.SHORT, Locale.ROOT));
  }

  /** "28 Januari 2026". */
  public static String date(LocalDate date) {
    return date.getDayOfMonth() + " " + month(date.getMonth()) + " " + date.getYear();
  }

  /** "Rabu, 28 Januari 2026". */
  public static String dayAndDate(LocalDate date) {
    return day(date.getDayOfWeek()) + ", " + date(date);
  }

  /** "Rabu, 28 Januari 2026 pukul 09.00 WIB". */
  public static String dateTime(ZonedDateTime time) {
    return dayAndDate(time.toLocalDate()) + " pukul " + clock(time) + " " + zone(time.getZone());
  }

  /** "09.00" (Indonesian writes a dot between hours and minutes). */
  public static String clock(ZonedDateTime time) {
    return String.format("%02d.%02d", time.getHour(), time.getMinute());
  }

  /** "2 jam", "1 jam 30 menit", "45 menit", "3 hari". */
  public static String duration(Duration duration) {
    long days = duration.toDays();
    long hours = duration.toHoursPart();
    long minutes = duration.toMinutesPart();
    StringBuilder out = new StringBuilder();
    if (days > 0) {
      out.append(days).append(" hari");
    }
    if (hours > 0) {
      out.append(out.isEmpty() ? "" : " ").append(hours).append(" jam");
    }
    if (minutes > 0 || out.isEmpty()) {
      out.append(out.isEmpty() ? "" : " ").append(minutes).append(" menit");
    }
    return out.toString();
  }

  /** A weekday from its Indonesian or English name ("rabu", "Wednesday", "jum'at"). */
  public static Optional<DayOfWeek> parseDay(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT).replace("'", "");
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day(day).toLowerCase(Locale.ROOT).equals(key) || day.name().toLowerCase(Locale.ROOT).equals(key)
          || (day == DayOfWeek.SUNDAY && key.equals("ahad"))) {
        return Optional.of(day);
      }
    }
    return Optional.empty();
  }

  /** A month from its number or Indonesian or English name ("4", "april", "agustus", "aug"). */
  public static Optional<Month> parseMonth(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (key.matches("\\d{1,2}")) {
      int number = Integer.parseInt(key);
      return number >= 1 && number <= 12 ? Optional.of(Month.of(number)) : Optional.empty();
    }
    for (Month month : Month.values()) {
      String indonesian = month(month).toLowerCase(Locale.ROOT);
      String english = month.name().toLowerCase(Locale.ROOT);
      if (indonesian.equals(key) || english.equals(key) || key.length() >= 3 && (indonesian.startsWith(key) || english.startsWith(key))) {
        return Optional.of(month);
      }
    }
    return Optional.empty();
  }

  static String[] dayNames() {
    return DAYS.clone();
  }
}
