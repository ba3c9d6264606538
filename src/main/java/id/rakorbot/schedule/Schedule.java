package id.rakorbot.schedule;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A forum's schedule, parsed and checked from the config file. */
public record Schedule(
    String id,
    String title,
    Kind kind,
    List<String> groups,
    Optional<String> venue,
    Mode mode,
    Optional<String> link,
    Optional<String> agenda,
    LocalTime time,
    Duration duration,
    Recurrence recurrence,
    List<Reminder> reminders,
    Optional<Reminder> nudge,
    HolidayPolicy onHoliday,
    ZoneId zone,
    Optional<BriefingTime> briefing,
    boolean calendarFile) {

  public Schedule {
    groups = List.copyOf(groups);
    reminders = List.copyOf(reminders);
  }

  /** The kinds of forum (DOMAIN.md). */
  public enum Kind {
    RAKOR("Rapat Koordinasi"),
    KOPI_SENJA("Kopi Senja"),
    NGOPI_KAMTIBMAS("Ngopi Kamtibmas"),
    LAINNYA("Pertemuan");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** In person, online, or both. */
  public enum Mode {
    LURING("luring (tatap muka)"),
    DARING("daring"),
    HYBRID("hybrid (luring dan daring)");

    private final String label;

    Mode(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public boolean online() {
      return this != LURING;
    }
  }
}
