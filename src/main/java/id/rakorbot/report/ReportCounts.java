package id.rakorbot.counts;

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
    handle.createQuery("""
            SELECT category, count(*) AS n FROM report
            WHERE NOT nihil AND created_at >= :from AND created_at < :to AND area = ANY(CAST(:areas AS text[])) GROUP BY category""")
        .bind("from", from).bind("to", to).bindArray("areas", String.class, areas)
        .map((rs, ctx) -> Map.entry(rs.getString("category"), rs.getLong("n"))).forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  /** Real (not nihil) reports per category. */
  public static Map<String, Long> byCategory(Handle handle, Instant from, Instant to, ZoneId zone, Instant now) {
    Split split = Split.of(from, to, zone, now);
    Map<String, Long> counts = new LinkedHashMap<>();
    if (split.hasDays()) {
      summarise(handle, zone, split);
      handle.createQuery("""
              SELECT category, sum(reports) AS n FROM report_day_category
              WHERE zone = :zone AND day >= :first AND day < :end GROUP BY category""")
          .bind("zone", zone.getId()).bind("first", split.firstDay()).bind("end", split.endDay())
          .map((rs, ctx) -> Map.entry(rs.getString("category"), rs.getLong("n"))).forEach(e -> counts.merge(e.getKey(), e.getValue(), Long::sum));
    }
    for (Instant[] range : split.raw()) {
      handle.createQuery("SELECT category, count(*) AS n FROM report WHERE NOT nihil AND created_at >= :from AND created_at < :to GROUP BY category")
          .bind("from", range[0]).bind("to", range[1])
          .map((rs, ctx) -> Map.entry(rs.getString("category"), rs.getLong("n"))).forEach(e -> counts.merge(e.getKey(), e.getValue(), Long::sum));
    }
    return counts;
  }

  /** Per area (area "" for reports without one), including areas that sent only nihil. */
  public static List<AreaCount> byArea(Handle handle, Instant from, Instant to, ZoneId zone, Instant now) {
    Split split = Split.of(from, to, zone, now);
    Map<String, AreaCount> counts = new HashMap<>();
    if (split.hasDays()) {
      summarise(handle, zone, split);
      handle.createQuery("""
              SELECT area, sum(reports) AS reports, sum(nihil) AS nihil, bool_or(awas) AS awas, sum(alarms) AS alarms
              FROM report_day_area WHERE zone = :zone AND day >= :first AND day < :end GROUP BY area""")
          .bind("zone", zone.getId()).bind("first", split.firstDay()).bind("end", split.endDay())
          .map((rs, ctx) -> new AreaCount(rs.getString("area"), rs.getLong("reports"), rs.getLong("nihil"), rs.getBoolean("awas"),
              rs.getLong("alarms")))
          .forEach(a -> counts.merge(a.area(), a, AreaCount::plus));
    }
    for (Instant[] range : split.raw()) {
      handle.createQuery("""
              SELECT coalesce(area, '') AS area, count(*) FILTER (WHERE NOT nihil) AS reports,
                     count(*) FILTER (WHERE nihil AND status <> 'superseded') AS nihil,
                     coalesce(bool_or(severity = 'awas' AND NOT nihil), false) AS awas,
                     count(*) FILTER (WHERE NOT nihil AND severity IN ('siaga', 'awas')) AS alarms
              FROM report WHERE created_at >= :from AND created_at < :to GROUP BY 1""")
          .bind("from", range[0]).bind("to", range[1])
          .map((rs, ctx) -> new AreaCount(rs.getString("area"), rs.getLong("reports"), rs.getLong("nihil"), rs.getBoolean("awas"),
              rs.getLong("alarms")))
          .forEach(a -> counts.merge(a.area(), a, AreaCount::plus));
    }
    return List.copyOf(counts.values());
  }

  /** Sums the days of {@code split} nobody has summed yet: each claimed in the same statement, so only once. */
  private static void summarise(Handle handle, ZoneId zone, Split split) {
    List<LocalDate> claimed = handle.createQuery("""
            INSERT INTO report_day_done (zone, day)
            SELECT :zone, CAST(d AS date) FROM generate_series(CAST(:first AS date), CAST(:last AS date), interval '1 day') AS d
            WHERE NOT EXISTS (SELECT 1 FROM report_day_done x WHERE x.zone = :zone AND x.day = CAST(d AS date))
            ON CONFLICT DO NOTHING RETURNING day""")
        .bind("zone", zone.getId()).bind("first", split.firstDay()).bind("last", split.endDay().minusDays(1))
        .mapTo(LocalDate.class).list();
    // Claimed days come in runs of consecutive days (usually one): each run is summed by its time range.
    List<LocalDate> days = claimed.stream().sorted().toList();
    int runStart = 0;
    for (int i = 1; i <= days.size(); i++) {
      if (i == days.size() || !days.get(i).equals(days.get(i - 1).plusDays(1))) {
        sumDays(handle, zone, days.get(runStart).atStartOfDay(zone).toInstant(), days.get(i - 1).plusDays(1).atStartOfDay(zone).toInstant());
        runStart = i;
      }
    }
  }

  private static void sumDays(Handle handle, ZoneId zone, Instant start, Instant end) {
    handle.createUpdate("""
            INSERT INTO report_day_category (zone, day, category, reports)
            SELECT :zone, CAST(created_at AT TIME ZONE :zone AS date), category, count(*) FROM report
            WHERE NOT nihil AND created_at >= :start AND created_at < :end
            GROUP BY 2, 3""")
        .bind("zone", zone.getId()).bind("start", start).bind("end", end).execute();
    handle.createUpdate("""
            INSERT INTO report_day_area (zone, day, area, reports, nihil, awas, alarms)
            SELECT :zone, CAST(created_at AT TIME ZONE :zone AS date), coalesce(area, ''), count(*) FILTER (WHERE NOT nihil),
                   count(*) FILTER (WHERE nihil AND status <> 'superseded'), coalesce(bool_or(severity = 'awas' AND NOT nihil), false),
                   count(*) FILTER (WHERE NOT nihil AND severity IN ('siaga', 'awas'))
            FROM report WHERE created_at >= :start AND created_at < :end
            GROUP BY 2, 3""")
        .bind("zone", zone.getId()).bind("start", start).bind("end", end).execute();
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
