package id.rakorbot.schedule;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long before a meeting to remind: "7d", "1d", "2h", "30m". */
public record Reminder(Duration before) implements Comparable<Reminder> {

  private static final Pattern TEXT = Pattern.compile("(\\d{1,3})\\s*([dhm])");

  public static Optional<Reminder> parse(String text) {
    Matcher m = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    Duration before = switch (m.group(2)) {
      case "d" -> Duration.ofDays(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofMinutes(amount);
    };
    return Optional.of(new Reminder(before));
  }

  /** "H-7", "H-1" for whole days; "2 jam lagi", "30 menit lagi" otherwise. */
  public String label() {
    if (before.toHoursPart() == 0 && before.toMinutesPart() == 0) {
      return "H-" + before.toDays();
    }
    return IndonesianTime.duration(before) + " lagi";
  }

  /** A short stable code, for trigger names and dedup keys: "7d", "2h", "90m". */
  public String code() {
    if (before.toMinutesPart() != 0 || before.toHours() == 0) {
      return before.toMinutes() + "m";
    }
    return before.toHoursPart() == 0 ? before.toDays() + "d" : before.toHours() + "h";
  }

  @Override
  public int compareTo(Reminder other) {
    return other.before.compareTo(before);
  }
}
