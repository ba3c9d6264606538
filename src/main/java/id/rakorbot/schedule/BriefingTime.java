package id.rakorbot.schedule;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When a schedule's bahan rapat goes out: a number of days before the meeting, at a local time ("H-1 08:00"). */
public record BriefingTime(int daysBefore, LocalTime at) {

  public static final BriefingTime DEFAULT = new BriefingTime(1, LocalTime.of(8, 0));
  private static final Pattern FORM = Pattern.compile("[Hh]-(\\d{1,2})\\s+(\\d{1,2})[.:](\\d{2})");

  static Optional<BriefingTime> parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches() || Integer.parseInt(m.group(2)) > 23 || Integer.parseInt(m.group(3)) > 59) {
      return Optional.empty();
    }
    return Optional.of(new BriefingTime(Integer.parseInt(m.group(1)), LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))));
  }

  /** The moment for a meeting, in the meeting's zone. */
  public ZonedDateTime before(ZonedDateTime meeting) {
    return meeting.toLocalDate().minusDays(daysBefore).atTime(at).atZone(meeting.getZone());
  }

  /** "H-1 08.00", as admins write it. */
  public String label() {
    return "H-" + daysBefore + " " + String.format("%02d.%02d", at.getHour(), at.getMinute());
  }
}
