package id.rakorbot.digest;

import id.rakorbot.config.RakorbotConfig;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The report figures and chart of weeks that have ended, kept once computed: a report is stored at the time
 * it is received, so nothing can join a closed week, and its category, area and severity never change. Only
 * the open/closed status can (an admin's /tutup), so that count is read again each time. Keyed by the config
 * too: a reload with other categories or areas computes afresh.
 */
final class ClosedWeeks {

  /** A week's report figures and their chart. */
  record Figures(DigestData reports, byte[] chart) {}

  /** Keeps nothing: for the offline command and benchmarks of the uncached path. */
  static final ClosedWeeks NONE = new ClosedWeeks(0);

  private record Key(String week, ZoneId zone, java.util.List<String> areas, RakorbotConfig config) {}

  private final int capacity;
  private final Map<Key, Figures> kept;

  ClosedWeeks() {
    this(64);
  }

  private ClosedWeeks(int capacity) {
    this.capacity = capacity;
    this.kept = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Figures> eldest) {
        return size() > ClosedWeeks.this.capacity;
      }
    };
  }

  /** The figures of the reports of {@code areas} (a region's; empty: all). */
  Figures figures(Handle handle, RakorbotConfig config, Week week, Instant now, java.util.List<String> areas) {
    if (capacity == 0 || now.isBefore(week.end())) {
      return compute(handle, config, week, areas);
    }
    Key key = new Key(week.label(), week.zone(), areas, config);
    Figures figures;
    synchronized (kept) {
      figures = kept.get(key);
    }
    if (figures == null) {
      figures = compute(handle, config, week, areas);
      synchronized (kept) {
        kept.put(key, figures);
      }
      return figures;
    }
    long[] status = DigestQueries.statusCounts(handle, week, areas);
    DigestData r = figures.reports();
    return new Figures(new DigestData(r.week(), r.groupName(), r.categories(), r.bySeverity(), status[0], status[1], r.areas(),
        r.areasWithReports(), r.areasOnlyNihil(), r.silentAreas(), r.forums(), r.comingWeek(), r.followUps(), r.earlyWarnings(), r.regions(), r.responseTimes()), figures.chart());
  }

  private static Figures compute(Handle handle, RakorbotConfig config, Week week, java.util.List<String> areas) {
    DigestData reports = DigestQueries.reports(handle, config, week, areas);
    return new Figures(reports, DigestChart.png(reports));
  }
}
