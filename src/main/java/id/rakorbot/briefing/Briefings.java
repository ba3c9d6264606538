package id.rakorbot.briefing;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.rsvp.Attendance;
import id.rakorbot.schedule.Calendar;
import id.rakorbot.schedule.Occurrence;
import id.rakorbot.schedule.Recurrence;
import id.rakorbot.schedule.Schedule;
import id.rakorbot.schedule.ScheduleBook;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import id.rakorbot.report.ReportCounts;
import id.rakorbot.report.ReportDao;
import id.rakorbot.report.ReportRow;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.response.ResponseTimes;
import id.rakorbot.warning.EarlyWarnings;
import id.rakorbot.followup.FollowUp;
import id.rakorbot.followup.FollowUps;
import org.jdbi.v3.core.Handle;

/** Builds a {@link Briefing} from the reports, the calendar and the answers stored for earlier meetings. */
public final class Briefings {

  private Briefings() {}

  /** The bahan rapat of {@code meeting}, its follow-ups seen as of {@code now}. */
  public static Briefing build(Handle handle, RakorbotConfig config, Occurrence meeting, Instant now) {
    ScheduleBook book = ScheduleBook.of(config);
    Optional<Occurrence> previous = previousMeeting(book.calendar(), meeting);
    ZonedDateTime start = meeting.start();
    ZonedDateTime from = previous.map(Occurrence::start).orElseGet(() -> start.minus(length(meeting.schedule().recurrence())));
    var period = new BriefingPeriod(from.toInstant(), start.toInstant(), start.getZone());
    Optional<String> regionName = regionOf(config, meeting);
    List<String> region = regionName.map(config.reports()::areasOf).orElse(List.of()); // a single-region forum's areas; empty: all
    Set<String> inRegion = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    inRegion.addAll(region);
    List<ReportCounts.AreaCount> byArea = ReportCounts.byArea(handle, period.from(), period.to(), period.zone(), now).stream()
        .filter(a -> region.isEmpty() || inRegion.contains(a.area())).toList();
    int threshold = config.digest().hotspotReports(); // a hotspot as in the digest: this many reports, or any awas
    List<Briefing.AreaCount> hotspots = byArea.stream().filter(a -> !a.area().isEmpty() && (a.reports() >= threshold || a.awas()))
        .sorted(Comparator.comparingLong(ReportCounts.AreaCount::reports).reversed().thenComparing(ReportCounts.AreaCount::area))
        .map(a -> new Briefing.AreaCount(a.area(), a.reports(), a.awas())).toList();
    Set<String> heard = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    byArea.stream().filter(a -> a.reports() > 0 || a.nihil() > 0).forEach(a -> heard.add(a.area()));
    Optional<Long> previousId = previous.flatMap(p -> Sessions.recordedId(handle, p));
    List<Briefing.RegionTotal> regions = new ArrayList<>();
    if (!config.reports().regions().isEmpty() && region.isEmpty()) { // a forum across regions: side by side
      Map<String, Long> totals = new LinkedHashMap<>();
      config.reports().regions().keySet().forEach(r -> totals.put(r, 0L));
      byArea.forEach(a -> totals.merge(config.reports().regionOf(a.area()).orElse("tanpa wilayah"), a.reports(), Long::sum));
      totals.forEach((r, n) -> regions.add(new Briefing.RegionTotal(r, n)));
    }
    return new Briefing(meeting, period, previous.isPresent(), categories(handle, config, period, now, region), hotspots,
        (region.isEmpty() ? config.reports().areas() : region).stream().filter(a -> !heard.contains(a)).toList(),
        alerts(handle, config, period, region), byArea.stream().mapToLong(ReportCounts.AreaCount::alarms).sum(),
        previous.map(p -> new Briefing.PreviousMeeting(p,
            previousId.flatMap(id -> Attendance.asked(handle, id, config, meeting.schedule().groups())))),
        now.atZone(start.getZone()).toLocalDate(), followUps(handle, meeting, previousId),
        EarlyWarnings.raisedBetween(handle, period.from(), period.to()).stream().filter(w -> w.seenBy(regionName, region)).toList(),
        regions, ResponseTimes.between(handle, period.from(), period.to(), now),
        ResponseTimes.between(handle, period.previous().from(), period.previous().to(), now));
  }

  /** With regions declared: the one region all the forum's groups belong to; else none (a forum of all areas). */
  private static Optional<String> regionOf(RakorbotConfig config, Occurrence meeting) {
    if (config.reports().regions().isEmpty()) {
      return Optional.empty();
    }
    Set<String> regions = new java.util.HashSet<>();
    for (String groupId : meeting.schedule().groups()) {
      String region = config.groupById(groupId).map(g -> g.region()).orElse(null);
      regions.add(region != null && config.reports().regions().containsKey(region) ? region : "");
    }
    return regions.size() == 1 && !regions.contains("") ? Optional.of(regions.iterator().next()) : Optional.empty();
  }

  /** The previous meeting's arahan (done or not), then older ones of the schedule still open. */
  private static List<FollowUp> followUps(Handle handle, Occurrence meeting, Optional<Long> previousId) {
    Map<Long, FollowUp> items = new LinkedHashMap<>();
    previousId.ifPresent(id -> FollowUps.ofMeeting(handle, id).forEach(item -> items.put(item.id(), item)));
    FollowUps.openOf(handle, List.of(meeting.schedule().id()), 0).forEach(item -> items.putIfAbsent(item.id(), item));
    return List.copyOf(items.values());
  }

  /** The schedule's meeting before this one, on the same calendar (holidays shifted or skipped alike). */
  static Optional<Occurrence> previousMeeting(Calendar calendar, Occurrence meeting) {
    Instant searchFrom = meeting.start().minusMonths(13).toInstant();
    return calendar.next(meeting.schedule(), searchFrom, 400).stream()
        .filter(o -> o.start().isBefore(meeting.start()))
        .max(Comparator.comparing(o -> o.start().toInstant()));
  }

  /** How far back the first meeting of a schedule looks: one recurrence. */
  static java.time.temporal.TemporalAmount length(Recurrence recurrence) {
    return switch (recurrence) {
      case Recurrence.Weekly weekly -> Period.ofWeeks(1);
      case Recurrence.Monthly monthly -> Period.ofMonths(monthly.months());
      default -> Period.ofMonths(1); // a one-off or a cron: the month before
    };
  }

  private static List<Briefing.CategoryChange> categories(Handle handle, RakorbotConfig config, BriefingPeriod period, Instant now,
      List<String> region) {
    java.util.function.Function<BriefingPeriod, Map<String, Long>> count = p -> region.isEmpty()
        ? ReportCounts.byCategory(handle, p.from(), p.to(), period.zone(), now) : ReportCounts.byCategory(handle, p.from(), p.to(), region);
    Map<String, Long> current = count.apply(period);
    Map<String, Long> before = count.apply(period.previous());
    Map<String, Long> yearAgo = count.apply(period.yearEarlier());
    Set<String> seen = new java.util.LinkedHashSet<>();
    config.reports().categories().forEach(c -> seen.add(c.key())); // the config's order, as people know it
    seen.addAll(current.keySet());
    seen.addAll(before.keySet());
    seen.addAll(yearAgo.keySet());
    Map<String, String> labels = new LinkedHashMap<>();
    config.reports().categories().forEach(c -> labels.put(c.key(), c.label()));
    List<Briefing.CategoryChange> ordered = new ArrayList<>();
    for (String key : seen) {
      long n = current.getOrDefault(key, 0L);
      long b = before.getOrDefault(key, 0L);
      long y = yearAgo.getOrDefault(key, 0L);
      if (n + b + y > 0) {
        ordered.add(new Briefing.CategoryChange(key, labels.getOrDefault(key, key), n, b, y));
      }
    }
    return ordered;
  }

  /** At most {@link Briefing#ALERTS_LISTED} siaga/awas reports: the open ones newest first, then the others newest first. */
  private static List<Briefing.Alert> alerts(Handle handle, RakorbotConfig config, BriefingPeriod period, List<String> region) {
    Map<String, String> labels = new LinkedHashMap<>();
    config.reports().categories().forEach(c -> labels.put(c.key(), c.label()));
    ReportDao reports = handle.attach(ReportDao.class);
    String[] areas = region.isEmpty() ? null : region.toArray(String[]::new);
    List<ReportRow> found = new ArrayList<>(reports.newestAlarms(period.from(), period.to(), true, areas, Briefing.ALERTS_LISTED));
    if (found.size() < Briefing.ALERTS_LISTED) {
      found.addAll(reports.newestAlarms(period.from(), period.to(), false, areas, Briefing.ALERTS_LISTED - found.size()));
    }
    return found.stream().map(r -> new Briefing.Alert(r.number(), labels.getOrDefault(r.category(), r.category()), r.severity(),
        r.area().orElse(null), r.status(), r.createdAt())).toList();
  }
}
