package id.rakorbot.digest;

import id.rakorbot.error.UserMistake;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
    try {
      // ISO_WEEK_DATE resolves strictly: W53 exists only in the years that have one (2020, 2026), not in 2025.
      LocalDate monday = LocalDate.parse(String.format("%04d-W%02d-1", year, week), DateTimeFormatter.ISO_WEEK_DATE);
      return new Week(monday, zone);
    } catch (DateTimeParseException e) {
      long weeks = LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR); // 28 Dec is always in the last week
      throw new UserMistake("Tahun " + year + " hanya punya " + weeks + " pekan; pekan " + week + " tidak ada.");
    }
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
