package id.rakorbot.briefing;

import id.rakorbot.followup.FollowUp;
import java.time.LocalDate;

import id.rakorbot.rsvp.Attendance;
import id.rakorbot.schedule.Occurrence;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bahan rapat of one meeting: what the field reported since the schedule's previous meeting, against the
 * period before and the same period a year earlier, and what that previous meeting looked like.
 *
 * @param alerts the siaga and awas reports listed: at most {@link #ALERTS_LISTED}, the open ones first, then the newest
 * @param alertCount all siaga and awas reports of the period
 * @param asOf the day whose view of the follow-ups it gives (overdue or not)
 * @param earlyWarnings the early warnings raised in the period
 * @param regions for a forum across regions (with regions declared): each region's reports, side by side
 * @param followUps the arahan of the previous meeting, and older ones of the schedule still open
 * @param responseTimes how fast the period's alerts were taken in hand, and {@code responseBefore} the period before's
 */
public record Briefing(
    Occurrence meeting,
    BriefingPeriod period,
    boolean sincePreviousMeeting,
    List<CategoryChange> categories,
    List<AreaCount> hotspots,
    List<String> silentAreas,
    List<Alert> alerts,
    long alertCount,
    Optional<PreviousMeeting> previous,
    LocalDate asOf,
    List<FollowUp> followUps,
    List<id.rakorbot.warning.EarlyWarning> earlyWarnings,
    List<RegionTotal> regions,
    id.rakorbot.response.ResponseTimes responseTimes,
    id.rakorbot.response.ResponseTimes responseBefore) {

  /** A region's reports in the period, for a forum across regions. */
  public record RegionTotal(String region, long reports) {}


  /** Reports of one category in the period, the period before, and a year earlier. */
  public record CategoryChange(String key, String label, long now, long before, long yearEarlier) {}

  /** How many siaga and awas reports a briefing lists by number; the rest are counted (and in the CSV). */
  public static final int ALERTS_LISTED = 20;

  /** All categories together, as "Jumlah". */
  public CategoryChange total() {
    return new CategoryChange("jumlah", "Jumlah", categories.stream().mapToLong(CategoryChange::now).sum(),
        categories.stream().mapToLong(CategoryChange::before).sum(), categories.stream().mapToLong(CategoryChange::yearEarlier).sum());
  }

  public record AreaCount(String area, long reports, boolean awas) {}

  /** A siaga or awas report of the period ({@code category} as its label). */
  public record Alert(String number, String category, String severity, String area, String status, Instant at) {}

  /** The schedule's meeting before this one, and its attendance if the bot asked for it (announced it). */
  public record PreviousMeeting(Occurrence occurrence, Optional<Attendance.Roll> roll) {}
}
