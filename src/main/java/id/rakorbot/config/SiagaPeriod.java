package id.rakorbot.config;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A masa siaga (Pilkada, Nataru, Idul Fitri): from {@code start} to {@code end} every area reports daily —
 * a real report or {@code /lapor nihil} — by {@code reportBy}; silent areas' reporters are reminded at
 * {@code remindAt}; at {@code reportBy} the leadership gets the silent areas and the period's groups a daily digest.
 *
 * @param groups the groups that get the daily digest (default: all)
 * @param silentListTo the group that gets the silent areas (default: the first of reports.alert_groups)
 * @param weeklyDigest {@code tetap} (the weekly digest goes out as well) or {@code diganti} (the daily digests replace it)
 */
public record SiagaPeriod(String name, String start, String end, String reportBy, String remindAt, List<String> groups,
    String silentListTo, String weeklyDigest) {

  public SiagaPeriod {
    groups = groups == null ? List.of() : List.copyOf(groups);
    reportBy = reportBy == null || reportBy.isBlank() ? "20:00" : reportBy.strip();
    remindAt = remindAt == null || remindAt.isBlank() ? "17:00" : remindAt.strip();
    weeklyDigest = weeklyDigest == null || weeklyDigest.isBlank() ? "tetap" : weeklyDigest.strip();
  }

  /** Call only on a checked config. */
  public LocalDate startDate() {
    return LocalDate.parse(start.strip());
  }

  public LocalDate endDate() {
    return LocalDate.parse(end.strip());
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(startDate()) && !day.isAfter(endDate());
  }

  public LocalTime deadline() {
    return ClockTime.of(reportBy);
  }

  public LocalTime reminderTime() {
    return ClockTime.of(remindAt);
  }

  /** The groups of the daily digest: as configured, else every group. */
  public List<String> digestGroups(RakorbotConfig config) {
    return groups.isEmpty() ? config.groups().stream().map(GroupConfig::id).toList() : groups;
  }

  public boolean replacesWeeklyDigest() {
    return weeklyDigest.equalsIgnoreCase("diganti");
  }
}
