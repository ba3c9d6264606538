package id.rakorbot.config;

import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A local time of day as admins write it in the config: "07:00", "19.30" (24 hours). */
public final class ClockTime {

  private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[.:]([0-5]\\d)");

  private ClockTime() {}

  /** The time, or empty when the text is not a 24-hour hh:mm (or hh.mm). */
  public static Optional<LocalTime> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = TIME.matcher(text.strip());
    return m.matches() ? Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))) : Optional.empty();
  }

  /** The time of a checked config value. */
  public static LocalTime of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not a time of day: " + text));
  }

  public static boolean valid(String text) {
    return parse(text).isPresent();
  }
}
