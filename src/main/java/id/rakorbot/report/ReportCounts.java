package id.rakorbot.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Reports of a period {@code [from, to)} per category and per area. Whole days that ended at least an hour
 * ago come from the daily sums (made on first use, once: see V11); the partial days at either end and
 * the days not yet over are counted from the reports. The hour covers the clocks of several instances.
 */
public final class ReportCounts {

  /** An area's reports, standing nihil reports, whether any was awas, and its siaga/awas reports. */
  public record AreaCount(String area, long reports, long nihil, boolean awas, long alarms) {
    AreaCount plus(AreaCount other) {
      return new AreaCount(area, reports + other.reports, nihil + other.nihil, awas || other.awas, alarms + other.alarms);
    }
  }

  private static final Duration SETTLED = Duration.ofHours(1);

  private ReportCounts() {}

  /**
   * Real reports per category of the areas of one region, counted from the reports (the daily sums are per
   * category, not per area): what a single-region forum's bahan rapat costs in a deployment of several regions.
   */
  public static Map<String, Long> byCategory(Handle handle, Instant from, Instant to, List<String> areas) {
    Map<String, Long> counts = new LinkedHashMap<>();
    handle.attach(ReportDayDao.class).countCategories(from, to, areas.isEmpty() ? null : areas.toArray(String[]::new))
        .forEach(c -> counts.put(c.category(), c.n()));
    return counts;
  }

  /** Real (not nihil) reports per category. */
  public static Map<String, Long> byCategory(Handle handle, Instant from, Instant to, ZoneId zone, Instant now) {
    ReportDayDao dao = handle.attach(ReportDayDao.class);
    Split split = Split.of(from, to, zone, now);
    Map<String, Long> counts = new LinkedHashMap<>();
    if (split.hasDays()) {
      summarise(dao, zone, split);
      dao.summedCategories(zone.getId(), split.firstDay(), split.endDay()).forEach(c -> counts.merge(c.category(), c.n(), Long::sum));
    }
    for (Instant[] range : split.raw()) {
      dao.countCategories(range[0], range[1], null).forEach(c -> counts.merge(c.category(), c.n(), Long::sum));
    }
    return counts;
  }

  /** Per area (area "" for reports without one), including areas that sent only nihil. */
  public static List<AreaCount> byArea(Handle handle, Instant from, Instant to, ZoneId zone, Instant now) {
    ReportDayDao dao = handle.attach(ReportDayDao.class);
    Split split = Split.of(from, to, zone, now);
    Map<String, AreaCount> counts = new HashMap<>();
    if (split.hasDays()) {
      summarise(dao, zone, split);
      dao.summedAreas(zone.getId(), split.firstDay(), split.endDay()).forEach(a -> counts.merge(a.area(), a, AreaCount::plus));
    }
    for (Instant[] range : split.raw()) {
      dao.countAreas(range[0], range[1]).forEach(a -> counts.merge(a.area(), a, AreaCount::plus));
    }
    return List.copyOf(counts.values());
  }

  /** Sums the days of {@code split} nobody has summed yet: each claimed in the same statement, so only once. */
  private static void summarise(ReportDayDao dao, ZoneId zone, Split split) {
    List<LocalDate> days = dao.claimDays(zone.getId(), split.firstDay(), split.endDay().minusDays(1)).stream().sorted().toList();
    // Claimed days come in runs of consecutive days (usually one): each run is summed by its time range.
    int runStart = 0;
    for (int i = 1; i <= days.size(); i++) {
      if (i == days.size() || !days.get(i).equals(days.get(i - 1).plusDays(1))) {
        Instant start = days.get(runStart).atStartOfDay(zone).toInstant();
        Instant end = days.get(i - 1).plusDays(1).atStartOfDay(zone).toInstant();
        dao.sumCategories(zone.getId(), start, end);
        dao.sumAreas(zone.getId(), start, end);
        runStart = i;
      }
    }
  }

  /**
   * A period cut into whole settled days {@code [firstDay, endDay)} and the ranges around them that are
   * counted from the reports.
   */
  record Split(LocalDate firstDay, LocalDate endDay, List<Instant[]> raw) {

    boolean hasDays() {
      return endDay.isAfter(firstDay);
    }

    static Split of(Instant from, Instant to, ZoneId zone, Instant now) {
      LocalDate first = from.atZone(zone).toLocalDate();
      if (first.atStartOfDay(zone).toInstant().isBefore(from)) {
        first = first.plusDays(1); // from is within a day: that day is partial
      }
      LocalDate end = to.atZone(zone).toLocalDate(); // days before to's date end by to
      LocalDate settled = now.minus(SETTLED).atZone(zone).toLocalDate(); // days before it ended an hour ago or more
      if (settled.isBefore(end)) {
        end = settled;
      }
      List<Instant[]> raw = new ArrayList<>();
      if (!end.isAfter(first)) {
        raw.add(new Instant[] {from, to});
        return new Split(first, first, raw);
      }
      Instant daysStart = first.atStartOfDay(zone).toInstant();
      Instant daysEnd = end.atStartOfDay(zone).toInstant();
      if (from.isBefore(daysStart)) {
        raw.add(new Instant[] {from, daysStart});
      }
      if (daysEnd.isBefore(to)) {
        raw.add(new Instant[] {daysEnd, to});
      }
      return new Split(first, end, raw);
    }
  }
}
