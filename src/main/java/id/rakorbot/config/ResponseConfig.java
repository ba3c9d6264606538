package id.rakorbot.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who takes an alert in hand, and the ladder it climbs while nobody does ({@code response:}).
 *
 * @param whoMayHandle the roles whose members may press "Saya tangani", "Butuh bantuan" and "Selesai"
 * @param levels the ladder: the first is told when the alert is raised, each next one when the level before
 *     let its {@code ack_within} pass for the alert's level
 * @param quietHours "22:00-05:00": a waspada or siaga alert climbs no further in these hours (until they end);
 *     an awas alert is never held
 */
public record ResponseConfig(List<String> whoMayHandle, List<Level> levels, String quietHours) {

  public static final List<String> DEFAULT_HANDLERS = List.of(Role.RESPONDER.key(), Role.PIMPINAN.key(), Role.ADMIN.key());

  public ResponseConfig {
    whoMayHandle = whoMayHandle == null ? DEFAULT_HANDLERS : whoMayHandle.stream().map(r -> r.strip().toLowerCase(Locale.ROOT)).toList();
    levels = levels == null ? List.of() : levels.stream().filter(java.util.Objects::nonNull).toList();
    quietHours = quietHours == null || quietHours.isBlank() ? null : quietHours.strip();
  }

  static ResponseConfig defaults() {
    return new ResponseConfig(null, null, null);
  }

  /** Whether this person may take alerts in hand. */
  public boolean mayHandle(Official person) {
    return person.roles().stream().anyMatch(r -> whoMayHandle.contains(r.toLowerCase(Locale.ROOT)));
  }

  /** How long level {@code index} has for an alert of {@code severity}; empty: the ladder stops there. */
  public Optional<Duration> ackWithin(int index, String severity) {
    if (index < 0 || index >= levels.size()) {
      return Optional.empty();
    }
    TimeSpan span = levels.get(index).ackWithin().get(severity);
    return span == null ? Optional.empty() : span.duration();
  }

  /** The quiet hours as a start and an end (the end may be past midnight); empty when none or unreadable. */
  public Optional<LocalTime[]> quiet() {
    if (quietHours == null) {
      return Optional.empty();
    }
    String[] parts = quietHours.split("\\s*-\\s*");
    if (parts.length != 2 || !ClockTime.valid(parts[0]) || !ClockTime.valid(parts[1])) {
      return Optional.empty();
    }
    return Optional.of(new LocalTime[] {ClockTime.of(parts[0]), ClockTime.of(parts[1])});
  }

  /**
   * One rung of the ladder.
   *
   * @param name as messages name it ("Kecamatan")
   * @param scope {@code wilayah}: the people of the alert's area (roster wilayah) whose roles may handle it
   * @param ackWithin per alert level (waspada, siaga, awas), how long this rung has before the next is told
   * @param people roster people told privately, by username, user_id or phone
   * @param groups declared groups the alert is posted in, with its buttons
   */
  public record Level(String name, String scope, Map<String, TimeSpan> ackWithin, List<String> people, List<String> groups) {
    public Level {
      ackWithin = ackWithin == null ? Map.of() : Map.copyOf(ackWithin);
      people = people == null ? List.of() : List.copyOf(people);
      groups = groups == null ? List.of() : List.copyOf(groups);
      scope = scope == null || scope.isBlank() ? null : scope.strip().toLowerCase(Locale.ROOT);
    }

    public boolean byArea() {
      return "wilayah".equals(scope);
    }

    public String label() {
      return name == null || name.isBlank() ? "tingkat berikutnya" : name.strip();
    }
  }
}
