package id.rakorbot.dashboard;

import id.rakorbot.schedule.IndonesianTime;
import java.time.Instant;
import java.time.ZoneId;

/** Numbers and times as the bot writes them: "1.234", "Rabu, 25 November 2026 pukul 09.00 WIB". */
final class Formats {

  private Formats() {}

  /** "1.234" (a dot between thousands). */
  static String number(long n) {
    return String.format("%,d", n).replace(',', '.');
  }

  /** "▲ 3 (+43 %)", "▼ 2", "▲ 1 (baru)", "=": this week against last, in the digest's own words. */
  static String change(long now, long before) {
    return id.rakorbot.digest.DigestText.change(now, before);
  }

  /** A CSS class for a change: up (more reports) is the one to notice. */
  static String changeClass(long now, long before) {
    return now > before ? "naik" : now < before ? "turun" : "tetap";
  }

  static String dateTime(Instant at, ZoneId zone) {
    return IndonesianTime.dateTime(at.atZone(zone));
  }

  /** "25/11/2026 10.05": a moment of any year, short enough for a phone's card. */
  static String dateClock(Instant at, ZoneId zone) {
    var time = at.atZone(zone);
    return time.getDayOfMonth() + "/" + time.getMonthValue() + "/" + time.getYear() + " " + IndonesianTime.clock(time);
  }

  /** "Senin 10.05": the day and clock of a report this week. */
  static String dayClock(Instant at, ZoneId zone) {
    var time = at.atZone(zone);
    return IndonesianTime.day(time.getDayOfWeek()) + " " + time.getDayOfMonth() + "/" + time.getMonthValue() + " " + IndonesianTime.clock(time);
  }

  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};

  /** "23–29 Nov 2026", "30 Nov – 6 Des 2026", "29 Des 2025 – 4 Jan 2026": a span of days, as short as it reads. */
  static String days(java.time.LocalDate from, java.time.LocalDate to) {
    String end = to.getDayOfMonth() + " " + MONTHS[to.getMonthValue() - 1] + " " + to.getYear();
    if (from.getYear() != to.getYear()) {
      return from.getDayOfMonth() + " " + MONTHS[from.getMonthValue() - 1] + " " + from.getYear() + " – " + end;
    }
    if (from.getMonth() != to.getMonth()) {
      return from.getDayOfMonth() + " " + MONTHS[from.getMonthValue() - 1] + " – " + end;
    }
    return from.getDayOfMonth() + "–" + end;
  }

  static String severityLabel(String severity) {
    return severity.toUpperCase(java.util.Locale.ROOT);
  }
}
