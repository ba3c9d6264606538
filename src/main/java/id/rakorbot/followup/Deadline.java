package id.rakorbot.followup;

import id.rakorbot.schedule.IndonesianTime;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline as people write it in a chat: "7 hari", "2 minggu", "2026-12-01", "1/12", "1-12-2026",
 * "1 Desember" or "1 Desember 2026". A date without a year is the next such date from today.
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
    Matcher relative = RELATIVE.matcher(firstTwo);
    if (relative.matches()) {
      int n = Integer.parseInt(relative.group(1));
      LocalDate date = switch (relative.group(2).toLowerCase(Locale.ROOT)) {
        case "hari" -> today.plusDays(n);
        case "bulan" -> today.plusMonths(n);
        default -> today.plusWeeks(n);
      };
      return Optional.of(new Deadline(date, 2));
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
