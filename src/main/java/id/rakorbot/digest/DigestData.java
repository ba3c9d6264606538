package id.rakorbot.digest;

import id.rakorbot.rsvp.Attendance;
import id.rakorbot.schedule.Occurrence;
import java.util.List;
import java.util.Map;

/** Everything one group's digest shows, as computed (mostly in SQL) for one week. */
public record DigestData(
    Week week,
    String groupName,
    List<CategoryCount> categories,
    Map<String, Long> bySeverity,
    long open,
    long closed,
    List<AreaCount> areas,
    List<String> areasWithReports,
    List<String> areasOnlyNihil,
    List<String> silentAreas,
    List<Forum> forums,
    List<Occurrence> comingWeek,
    FollowUpSummary followUps,
    List<id.rakorbot.warning.EarlyWarning> earlyWarnings,
    List<RegionCount> regions,
    id.rakorbot.response.ResponseTimes responseTimes) {

  /** A region's reports this week, per category label, for a forum across regions (side by side, then the total). */
  public record RegionCount(String region, long reports, Map<String, Long> byCategory) {}

  /** The group's tindak lanjut: open now, closed in the week, and the overdue ones as of {@code today}. */
  public record FollowUpSummary(int open, long doneThisWeek, List<id.rakorbot.followup.FollowUp> overdue, java.time.LocalDate today) {
    static final FollowUpSummary NONE = new FollowUpSummary(0, 0, List.of(), java.time.LocalDate.MIN);
  }

  /** Reports of a category this week, last week, and in the four weeks before this one. */
  public record CategoryCount(String key, String label, long thisWeek, long lastWeek, long lastFourWeeks) {}

  /** Reports of an area this week; {@code awas} when any of them was awas. */
  public record AreaCount(String area, long reports, boolean awas) {}

  /** A forum held this week and its attendance. */
  public record Forum(Occurrence occurrence, Attendance.Roll roll) {}

  public long total() {
    return categories.stream().mapToLong(CategoryCount::thisWeek).sum();
  }

  public long totalLastWeek() {
    return categories.stream().mapToLong(CategoryCount::lastWeek).sum();
  }

  long totalLastFourWeeks() {
    return categories.stream().mapToLong(CategoryCount::lastFourWeeks).sum();
  }
}
