package id.rakorbot.digest;

import id.rakorbot.telegram.UserMistake;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO week (Monday 00:00 to Sunday 24:00) in a zone: the week of a WIB group ends an hour after a WITA one. */
public record Week(LocalDate monday, ZoneId zone) {

  private static final Pattern ISO = Pattern.compile("(\\d{4})-W(\\d{1,2})");

  public static Week containing(Instant instant, ZoneId zone) {
    return new Week(instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), zone);
  }

  /** "2026-W47", as /rekap and the digest command take it. */
  public static Week parse(String text, ZoneId zone) {
    Matcher m = ISO.matcher(text.trim().toUpperCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      throw new UserMistake("Pekan '" + text + "' tidak valid. Tulis tahun-W-nomor pekan, misalnya 2026-W47.");
    }
    int year = Integer.parseInt(m.group(1));
    int week = Integer.parseInt(m.group(2));
    LocalDate anyDay = LocalDate.of(year, 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1).with(IsoFields.WEEK_BASED_YEAR, year);
    long weeks = anyDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    if (week < 1 || week > weeks) {
      throw new UserMistake("Tahun " + year + " hanya punya " + weeks + " pekan; pekan " + week + " tidak ada.");
    }
    LocalDate monday = anyDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    return new Week(monday, zone);
  }

  public Instant start() {
    return monday.atStartOfDay(zone).toInstant();
  }

  public Instant end() {
    return monday.plusDays(7).atStartOfDay(zone).toInstant();
  }

  public Week minus(int weeks) {
    return new Week(monday.minusWeeks(weeks), zone);
  }

  public Week next() {
    return new Week(monday.plusWeeks(1), zone);
  }

  public LocalDate sunday() {
    return monday.plusDays(6);
  }

  /** "2026-W47". */
  public String label() {
    return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
