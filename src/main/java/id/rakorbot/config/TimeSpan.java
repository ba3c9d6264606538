package id.rakorbot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time as admins write it: {@code 10m}, {@code 36h}, {@code 7d}, {@code 5y} (a year counts 365 days). Read once
 * when the file is loaded; one that cannot be read is kept with its text, for a check to report with its line.
 */
public record TimeSpan(String text, Optional<Duration> duration) {

  private static final Pattern SPAN = Pattern.compile("(\\d{1,4})\\s*([mhdy])");

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TimeSpan parse(String text) {
    Matcher m = SPAN.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return new TimeSpan(text, Optional.empty());
    }
    long n = Long.parseLong(m.group(1));
    Duration duration = switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(365 * n);
    };
    return new TimeSpan(text.strip(), Optional.of(duration));
  }

  public static TimeSpan days(int days) {
    return parse(days + "d");
  }

  public boolean valid() {
    return duration.isPresent();
  }

  /** The length of a span that passed the checks. */
  public Duration length() {
    return duration.orElseThrow(() -> new IllegalStateException("unchecked time span: " + text));
  }

  @JsonValue
  @Override
  public String text() {
    return text;
  }
}
