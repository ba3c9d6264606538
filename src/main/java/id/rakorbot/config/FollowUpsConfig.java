package id.rakorbot.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tindak lanjut (follow-ups of arahan given at forums).
 *
 * @param units OPD and other units that may own an arahan, named {@code @key} in /arahan
 * @param overdueListTo groups that get the weekly list of overdue items (default: the report alert groups)
 * @param overdueWeekday the day of that list (default senin)
 * @param overdueTime its local time (default 08:00)
 * @param remindAt local time of the owners' reminders at H-3, H-1 and on the first overdue day (default 08:00)
 * @param escalateAfter how long overdue an arahan may run before it goes to the owner's atasan (or the unit's head),
 *     and twice that before it goes to the pimpinan; none when not given
 */
public record FollowUpsConfig(List<Unit> units, List<String> overdueListTo, String overdueWeekday, String overdueTime,
    String remindAt, TimeSpan escalateAfter) {

  public FollowUpsConfig {
    units = units == null ? List.of() : List.copyOf(units);
    overdueListTo = overdueListTo == null ? null : List.copyOf(overdueListTo);
    overdueWeekday = overdueWeekday == null || overdueWeekday.isBlank() ? "senin" : overdueWeekday.trim();
    overdueTime = overdueTime == null || overdueTime.isBlank() ? "08:00" : overdueTime.trim();
    remindAt = remindAt == null || remindAt.isBlank() ? "08:00" : remindAt.trim();
  }

  static FollowUpsConfig defaults() {
    return new FollowUpsConfig(null, null, null, null, null, null);
  }

  /** The groups of the weekly overdue list: as configured, else where siaga and awas reports go. */
  public List<String> overdueGroups(ReportsConfig reports) {
    return overdueListTo != null ? overdueListTo : reports.alertGroups();
  }

  public Optional<Unit> unit(String key) {
    return units.stream().filter(u -> u.key() != null && u.key().equalsIgnoreCase(key)).findFirst();
  }

  /**
   * A unit that can own an arahan.
   *
   * @param key what /arahan names it by ({@code @dpupr})
   * @param name as shown ("Dinas PUPR Kota Malang")
   * @param contacts roster user ids who answer for it: they get its notices and may close its items
   * @param head the unit's head on the roster (username, user_id or phone): its overdue arahan go to them
   */
  public record Unit(String key, String name, List<Long> contacts, String head) {
    public Unit {
      contacts = contacts == null ? List.of() : List.copyOf(contacts);
      key = key == null ? null : key.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
    }
  }
}
