package id.rakorbot.digest;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.followup.FollowUp;
import id.rakorbot.followup.FollowUps;
import id.rakorbot.warning.EarlyWarnings;
import id.rakorbot.config.ReportsConfig.Category;
import id.rakorbot.report.ReportDao;
import id.rakorbot.rsvp.Attendance;
import id.rakorbot.schedule.Occurrence;
import id.rakorbot.schedule.Schedule;
import id.rakorbot.schedule.ScheduleBook;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.response.ResponseTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The digest's numbers. Report counts are aggregated by PostgreSQL over the index on
 * {@code report(created_at)}: five weeks of rows are read, never the table, and no report becomes a Java
 * object. Reports are not split by region: a deployment serves one Kota/Kabupaten.
 */
final class DigestQueries {

  private DigestQueries() {}

  static DigestData load(Handle handle, RakorbotConfig config, GroupConfig group, Week week, Sessions sessions) {
    return forGroup(handle, config, group, reports(handle, config, week, areasSeenBy(config, group)), sessions);
  }

  /** The group's own part (its forums and coming meetings) added to the week's report figures. */
  static DigestData forGroup(Handle handle, RakorbotConfig config, GroupConfig group, DigestData reports, Sessions sessions) {
    return new DigestData(reports.week(), group.name(), reports.categories(), reports.bySeverity(), reports.open(), reports.closed(),
        reports.areas(), reports.areasWithReports(), reports.areasOnlyNihil(), reports.silentAreas(),
        forums(handle, config, group, reports.week(), sessions), coming(config, group, reports.week(), sessions.now()),
        followUps(handle, config, group, reports.week(), sessions.now()),
        EarlyWarnings.raisedBetween(handle, reports.week().start(), reports.week().end()).stream()
            .filter(w -> w.seenBy(Optional.ofNullable(group.region()), areasSeenBy(config, group))).toList(),
        crossRegion(config, group) ? byRegion(handle, config, reports.week()) : List.of(),
        ResponseTimes.between(handle, reports.week().start(), reports.week().end(), sessions.now()));
  }

  /** The follow-ups of the group's forums (or recorded in it): open and overdue as of now, closed in the week. */
  private static DigestData.FollowUpSummary followUps(Handle handle, RakorbotConfig config, GroupConfig group, Week week, Instant now) {
    List<String> schedules = ScheduleBook.of(config).forGroups(List.of(group.id())).stream().map(Schedule::id).toList();
    long chatId = group.chatId() == null ? 0 : group.chatId();
    List<FollowUp> open = FollowUps.openOf(handle, schedules, chatId);
    java.time.LocalDate today = now.atZone(week.zone()).toLocalDate();
    return new DigestData.FollowUpSummary(open.size(), FollowUps.doneBetween(handle, schedules, chatId, week.start(), week.end()),
        open.stream().filter(item -> item.overdue(today)).toList(), today);
  }

  /** Open and closed real reports of the week (what can still change in a closed week). */
  static long[] statusCounts(Handle handle, Week week, List<String> areas) {
    long[] status = new long[2];
    handle.attach(ReportDao.class).statusCounts(week.start(), week.end(), array(areas))
        .forEach(c -> status[c.status().equals("open") ? 0 : 1] += c.reports());
    return status;
  }

  /** The areas of a region as the DAO binds them; none: all areas. */
  private static String[] array(List<String> areas) {
    return areas.isEmpty() ? null : areas.toArray(String[]::new);
  }

  /** The areas whose reports a group sees: its region's, when regions are declared and it belongs to one; else all (empty). */
  static List<String> areasSeenBy(RakorbotConfig config, GroupConfig group) {
    return group.region() != null && config.reports().regions().containsKey(group.region())
        ? config.reports().areasOf(group.region()) : List.of();
  }

  /** A group of no declared region while regions are declared: a forum across them, shown side by side. */
  static boolean crossRegion(RakorbotConfig config, GroupConfig group) {
    return !config.reports().regions().isEmpty() && areasSeenBy(config, group).isEmpty();
  }

  /** The week's real reports per region and category (reports of no region's area under "tanpa wilayah"). */
  static List<DigestData.RegionCount> byRegion(Handle handle, RakorbotConfig config, Week week) {
    Map<String, String> labels = config.reports().categories().stream()
        .collect(Collectors.toMap(Category::key, Category::label, (a, b) -> a, LinkedHashMap::new));
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    config.reports().regions().keySet().forEach(region -> counts.put(region, new LinkedHashMap<>()));
    for (ReportDao.CategoryInArea c : handle.attach(ReportDao.class).categoriesByArea(week.start(), week.end())) {
      String region = config.reports().regionOf(c.area()).orElse("tanpa wilayah");
      counts.computeIfAbsent(region, r -> new LinkedHashMap<>()).merge(labels.getOrDefault(c.category(), c.category()), c.reports(), Long::sum);
    }
    return counts.entrySet().stream().map(e -> new DigestData.RegionCount(e.getKey(),
        e.getValue().values().stream().mapToLong(Long::longValue).sum(), e.getValue())).toList();
  }

  /**
   * The week's report figures, the same for every group in one zone and region: of {@code areas} (a region's,
   * for a group of that region), or of all reports when empty.
   */
  static DigestData reports(Handle handle, RakorbotConfig config, Week week, List<String> areasOfRegion) {
    List<DigestData.CategoryCount> categories = categories(handle, config, week, areasOfRegion);
    Map<String, Long> bySeverity = new LinkedHashMap<>();
    long[] status = new long[2];
    List<DigestData.AreaCount> areas = new ArrayList<>();
    List<String> nihilOnly = new ArrayList<>();
    // One pass over the week: severities and statuses of real reports, and per area reports, nihil and awas.
    for (ReportDao.WeekFigure f : handle.attach(ReportDao.class).weekFigures(week.start(), week.end(), array(areasOfRegion))) {
      if (!f.byArea()) {
        bySeverity.merge(f.severity(), f.reports(), Long::sum);
        status[f.status().equals("open") ? 0 : 1] += f.reports();
      } else if (f.area() != null && f.reports() > 0) {
        areas.add(new DigestData.AreaCount(f.area(), f.reports(), f.awas()));
      } else if (f.area() != null && f.nihil() > 0) {
        nihilOnly.add(f.area());
      }
    }
    areas.sort(Comparator.comparingLong(DigestData.AreaCount::reports).reversed().thenComparing(DigestData.AreaCount::area));
    Set<String> heard = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    areas.forEach(a -> heard.add(a.area()));
    heard.addAll(nihilOnly);
    List<String> silent = (areasOfRegion.isEmpty() ? config.reports().areas() : areasOfRegion).stream().filter(a -> !heard.contains(a)).toList();
    return new DigestData(week, "", categories, bySeverity, status[0], status[1], areas,
        areas.stream().map(DigestData.AreaCount::area).sorted().toList(), nihilOnly.stream().sorted().toList(), silent,
        List.of(), List.of(), DigestData.FollowUpSummary.NONE, List.of(), List.of(), ResponseTimes.NONE);
  }

  private static List<DigestData.CategoryCount> categories(Handle handle, RakorbotConfig config, Week week, List<String> areas) {
    Map<String, String> labels = config.reports().categories().stream()
        .collect(Collectors.toMap(Category::key, Category::label, (a, b) -> a, LinkedHashMap::new));
    Map<String, DigestData.CategoryCount> counts = new LinkedHashMap<>();
    handle.attach(ReportDao.class).categoryWeeks(week.start(), week.minus(1).start(), week.minus(4).start(), week.end(), array(areas))
        .forEach(c -> counts.put(c.category(), new DigestData.CategoryCount(c.category(), labels.getOrDefault(c.category(), c.category()),
            c.thisWeek(), c.lastWeek(), c.lastFour())));
    List<DigestData.CategoryCount> ordered = new ArrayList<>();
    labels.keySet().stream().filter(counts::containsKey).forEach(key -> ordered.add(counts.remove(key)));
    ordered.addAll(counts.values()); // categories no longer in the config still count
    return ordered;
  }

  private static List<DigestData.Forum> forums(Handle handle, RakorbotConfig config, GroupConfig group, Week week, Sessions sessions) {
    Set<String> scheduleIds = ScheduleBook.of(config).forGroups(List.of(group.id())).stream().map(Schedule::id).collect(Collectors.toSet());
    if (scheduleIds.isEmpty()) {
      return List.of();
    }
    // Held ones only (those to come are listed as coming), whose attendance the bot asked for: a meeting recorded
    // only for its arahan was never announced, so nobody in it is "tanpa kabar".
    return sessions.startedBetween(handle, week.start(), earlier(week.end(), sessions.now()), scheduleIds).stream()
        .flatMap(session -> Attendance.asked(handle, session.id(), config, List.of(group.id()))
            .map(roll -> new DigestData.Forum(session.occurrence(), roll)).stream())
        .toList();
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Meetings still to come up to the end of the next week: the rest of this week too when it is not over. */
  private static List<Occurrence> coming(RakorbotConfig config, GroupConfig group, Week week, Instant now) {
    Week next = week.next();
    Instant from = now.isBefore(week.start()) ? week.start() : now;
    return ScheduleBook.of(config).upcoming(List.of(group.id()), from, 14).stream()
        .filter(o -> o.start().toInstant().isBefore(next.end()))
        .toList();
  }


}
