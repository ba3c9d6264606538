package id.rakorbot.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 5545 text for meetings: one VCALENDAR with a VTIMEZONE per zone used (Indonesia keeps no summer time, so one
 * STANDARD block says it all), each meeting a VEVENT with its UID, SEQUENCE, place and link, and a VALARM per
 * reminder of the bot. Lines end in CRLF and are folded at 75 octets, text values escaped (§3.3.11).
 */
final class Ics {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** One meeting as a calendar sees it; {@code changedAt} is its DTSTAMP, so the same state gives the same bytes. */
  record Event(String uid, int sequence, boolean cancelled, String title, ZonedDateTime start, ZonedDateTime end,
      Optional<String> location, Optional<String> link, String description, List<Duration> alarms, Instant changedAt) {}

  /** How the file is meant: a calendar to keep in sync (a feed), one meeting to add, or one to take out. */
  enum Method {
    NONE, PUBLISH, CANCEL
  }

  private Ics() {}

  static byte[] write(String name, Method method, Collection<Event> events) {
    StringBuilder out = new StringBuilder(512 + events.size() * 480);
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Rakorbot//Jadwal Forum//ID");
    line(out, "CALSCALE:GREGORIAN");
    if (method != Method.NONE) {
      line(out, "METHOD:" + method.name());
    }
    line(out, "X-WR-CALNAME:" + text(name));
    Set<ZoneId> zones = new LinkedHashSet<>();
    events.forEach(e -> zones.add(e.start().getZone()));
    zones.forEach(zone -> timezone(out, zone));
    for (Event e : events) {
      event(out, e, method == Method.CANCEL || e.cancelled());
    }
    line(out, "END:VCALENDAR");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void timezone(StringBuilder out, ZoneId zone) {
    ZoneOffset offset = zone.getRules().getOffset(Instant.EPOCH.plus(Duration.ofDays(365 * 60)));
    String at = offset.getId().replace(":", "");
    line(out, "BEGIN:VTIMEZONE");
    line(out, "TZID:" + zone.getId());
    line(out, "BEGIN:STANDARD");
    line(out, "DTSTART:19700101T000000");
    line(out, "TZOFFSETFROM:" + at);
    line(out, "TZOFFSETTO:" + at);
    line(out, "TZNAME:" + zoneName(zone));
    line(out, "END:STANDARD");
    line(out, "END:VTIMEZONE");
  }

  private static String zoneName(ZoneId zone) {
    return switch (zone.getId()) {
      case "Asia/Jakarta", "Asia/Pontianak" -> "WIB";
      case "Asia/Makassar" -> "WITA";
      case "Asia/Jayapura" -> "WIT";
      default -> zone.getId();
    };
  }

  private static void event(StringBuilder out, Event e, boolean cancelled) {
    String tz = e.start().getZone().getId();
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + e.uid());
    line(out, "DTSTAMP:" + UTC.format(e.changedAt()));
    line(out, "SEQUENCE:" + e.sequence());
    line(out, "DTSTART;TZID=" + tz + ":" + LOCAL.format(e.start()));
    line(out, "DTEND;TZID=" + tz + ":" + LOCAL.format(e.end().withZoneSameInstant(e.start().getZone())));
    line(out, "SUMMARY:" + text((cancelled ? "DIBATALKAN: " : "") + e.title()));
    e.location().ifPresent(l -> line(out, "LOCATION:" + text(l)));
    e.link().ifPresent(l -> line(out, "URL:" + l));
    line(out, "DESCRIPTION:" + text(e.description()));
    line(out, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
    if (!cancelled) {
      for (Duration before : e.alarms()) {
        line(out, "BEGIN:VALARM");
        line(out, "ACTION:DISPLAY");
        line(out, "DESCRIPTION:" + text(e.title()));
        line(out, "TRIGGER:-" + before.toString());
        line(out, "END:VALARM");
      }
    }
    line(out, "END:VEVENT");
  }

  /** A TEXT value (§3.3.11): backslash, semicolon, comma and newline escaped. */
  static String text(String value) {
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
  }

  /** One content line, folded so that no line is longer than 75 octets (§3.1), never inside a UTF-8 character. */
  private static void line(StringBuilder out, String content) {
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < content.length(); ) {
      int codePoint = content.codePointAt(i);
      int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 1;
        limit = 75;
      }
      out.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    out.append("\r\n");
  }
}
