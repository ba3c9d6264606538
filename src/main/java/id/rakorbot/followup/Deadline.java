package id.rakorbot.followup;

import id.rakorbot.schedule.IndonesianTime;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline as people write it in a chat: "besok", "lusa", "Jumat" (the next Friday), "7 hari", "3 hari lagi",
 * "2 minggu", "minggu depan" (a week from today), "akhir pekan" (this week's Friday, the last working day; on a
 * weekend the next one), "akhir bulan" (this month's last day), "2026-12-01", "1/12", "1-12-2026", "1 Desember" or
 * "1 Desember 2026". A date without a year is the next such date from today. The date is shown back in the reply.
 */
record Deadline(LocalDate date, int words) {

  private static final Pattern RELATIVE = Pattern.compile("(\\d{1,3})\\s+(hari|minggu|pekan|bulan)\\b.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d{4}))?");
  private static final Pattern NAMED = Pattern.compile("(\\d{1,2})\\s+(\\p{L}+)(?:\\s+(\\d{4}))?\\b.*", Pattern.CASE_INSENSITIVE);

  /** The deadline at the start of {@code words}, and how many words it took; empty if they do not start with one. */
  static Optional<Deadline> parse(List<String> words, LocalDate today) {
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String first = words.getFirst().toLowerCase(Locale.ROOT);
    String firstTwo = words.size() > 1 ? first + " " + words.get(1).toLowerCase(Locale.ROOT) : first;
    String firstThree = words.size() > 2 ? firstTwo + " " + words.get(2) : firstTwo;
    Optional<Deadline> inWords = inWords(first, firstTwo, today);
    if (inWords.isPresent()) {
      return inWords;
    }
    Matcher relative = RELATIVE.matcher(firstTwo);
    if (relative.matches()) {
      int n = Integer.parseInt(relative.group(1));
      LocalDate date = switch (relative.group(2).toLowerCase(Locale.ROOT)) {
        case "hari" -> today.plusDays(n);
        case "bulan" -> today.plusMonths(n);
        default -> today.plusWeeks(n);
      };
      boolean lagi = words.size() > 2 && words.get(2).equalsIgnoreCase("lagi"); // "3 hari lagi"
      return Optional.of(new Deadline(date, lagi ? 3 : 2));
    }
    Matcher iso = ISO.matcher(first);
    if (iso.matches()) {
      return date(iso.group(1), iso.group(2), iso.group(3)).map(d -> new Deadline(d, 1));
    }
    Matcher numeric = NUMERIC.matcher(first);
    if (numeric.matches()) {
      return dayMonth(numeric.group(1), Integer.parseInt(numeric.group(2)), numeric.group(3), today).map(d -> new Deadline(d, 1));
    }
    Matcher named = NAMED.matcher(firstThree);
    if (named.matches()) {
      Optional<Month> month = IndonesianTime.parseMonth(named.group(2));
      if (month.isPresent()) {
        int used = named.group(3) == null ? 2 : 3;
        return dayMonth(named.group(1), month.get().getValue(), named.group(3), today).map(d -> new Deadline(d, used));
      }
    }
    return Optional.empty();
  }

  /** "besok", "lusa", a weekday, "minggu depan", "akhir pekan", "akhir bulan". */
  private static Optional<Deadline> inWords(String first, String firstTwo, LocalDate today) {
    switch (firstTwo) {
      case "minggu depan", "pekan depan" -> {
        return Optional.of(new Deadline(today.plusWeeks(1), 2));
      }
      case "akhir pekan", "akhir minggu" -> {
        return Optional.of(new Deadline(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)), 2));
      }
      case "akhir bulan" -> {
        return Optional.of(new Deadline(today.with(TemporalAdjusters.lastDayOfMonth()), 2));
      }
      default -> { }
    }
    return switch (first) {
      case "besok" -> Optional.of(new Deadline(today.plusDays(1), 1));
      case "lusa" -> Optional.of(new Deadline(today.plusDays(2), 1));
      default -> IndonesianTime.parseDay(first).map(day -> new Deadline(today.with(TemporalAdjusters.next(day)), 1));
    };
  }

  /** The first word, when it looks like a date someone tried to write ("31/02", "2026-13-01"): for the refusal. */
  static Optional<String> attempted(List<String> words) {
    return words.isEmpty() || words.getFirst().isEmpty() || !Character.isDigit(words.getFirst().charAt(0))
        ? Optional.empty() : Optional.of(words.getFirst());
  }

  private static Optional<LocalDate> dayMonth(String day, int month, String year, LocalDate today) {
    if (year != null) {
      return date(year, Integer.toString(month), day);
    }
    Optional<LocalDate> thisYear = date(Integer.toString(today.getYear()), Integer.toString(month), day);
    return thisYear.isPresent() && thisYear.get().isBefore(today)
        ? date(Integer.toString(today.getYear() + 1), Integer.toString(month), day) : thisYear;
  }

  private static Optional<LocalDate> date(String year, String month, String day) {
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
