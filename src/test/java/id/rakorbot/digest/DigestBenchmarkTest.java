package id.rakorbot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Rakorbot;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.storage.Database;
import id.rakorbot.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 1,000,000 reports over two years, 500 areas, 50 groups: one group's weekly digest (text, chart, CSV)
 * and all 50. Run: {@code ./mvnw -B test -Pbench}. Writes target/benchmark-digest.txt.
 */
@Tag("benchmark")
class DigestBenchmarkTest {

  private static final int REPORTS = 1_000_000;
  private static final int AREAS = 500;
  private static final int GROUPS = 50;

  @Test
  void weeklyDigestsOverAMillionReports() throws Exception {
    String areas = IntStream.rangeClosed(1, AREAS).mapToObj(i -> "Kelurahan " + i).collect(Collectors.joining(", "));
    StringBuilder yaml = new StringBuilder("groups:\n");
    for (int g = 1; g <= GROUPS; g++) {
      yaml.append("  - {id: g").append(g).append(", chat_id: ").append(-1009000000000L - g).append(", name: Grup ").append(g).append("}\n");
    }
    yaml.append("reports:\n  categories:\n");
    List<String> categories = List.of("narkoba", "judi", "pencurian", "begal", "penganiayaan", "penculikan", "tawuran",
        "konflik_sosial", "unjuk_rasa", "pemilu", "bencana", "kemacetan", "infrastruktur", "pangan", "lainnya");
    categories.forEach(c -> yaml.append("    - {key: ").append(c).append(", label: ").append(c).append("}\n"));
    yaml.append("  areas: [").append(areas).append("]\n");
    RakorbotConfig config = Rakorbot.configLoader(Map.<String, String>of()::get).parse(Path.of("bench.yaml"), yaml.toString());
    ZoneId wib = ZoneId.of("Asia/Jakarta");
    Instant now = Instant.parse("2026-11-23T00:00:00Z");
    var sessions = new Sessions(new CurrentConfig(config), Clock.fixed(now, wib));

    try (TestDatabase schema = TestDatabase.create(); Database database = Database.connect(schema.url(), 4)) {
      long seedStart = System.nanoTime();
      database.jdbi().useHandle(h -> {
        h.createUpdate("""
                INSERT INTO report (id, number, reporter_id, reporter_name, chat_id, category, severity, area, description,
                                    nihil, status, created_at)
                SELECT i, 'LAP-BENCH-' || i, 1000 + i % 2000, 'Pelapor ' || (i % 2000), -1, (:categories)[1 + i % 15],
                       (ARRAY['normal','normal','normal','waspada','siaga','awas'])[1 + (i * 7) % 6],
                       'Kelurahan ' || (1 + (i * 13) % :areas), 'Uraian kejadian nomor ' || i || ' di wilayah, dengan rincian secukupnya.',
                       i % 20 = 0, CASE WHEN i % 3 = 0 THEN 'closed' ELSE 'open' END,
                       CAST(:now AS timestamptz) - make_interval(secs => (i::double precision / :reports) * 2 * 365 * 86400)
                FROM generate_series(1, :reports) AS i""")
            .bind("categories", categories.toArray(new String[0])).bind("areas", AREAS).bind("reports", REPORTS).bind("now", now)
            .execute();
        h.execute("VACUUM ANALYZE report");
      });
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      GroupConfig one = config.groupById("g1").orElseThrow();
      Week week = Week.containing(now, wib).minus(1);

      for (int i = 0; i < 5; i++) { // warm up the JIT, the chart fonts, the connection
        database.jdbi().inTransaction(h -> Digests.build(h, config, one, week, sessions));
      }
      Runtime runtime = Runtime.getRuntime();
      System.gc();
      long heapBefore = runtime.totalMemory() - runtime.freeMemory();
      List<Double> single = new ArrayList<>();
      List<Double> queries = new ArrayList<>();
      List<Double> charts = new ArrayList<>();
      List<Double> csvs = new ArrayList<>();
      int rows = 0;
      for (int i = 0; i < 21; i++) {
        long start = System.nanoTime();
        var data = database.jdbi().inTransaction(h -> DigestQueries.load(h, config, one, week, sessions));
        DigestText.split(DigestText.render(data, 3));
        long queried = System.nanoTime();
        DigestChart.png(data);
        long charted = System.nanoTime();
        byte[] csv = database.jdbi().inTransaction(h -> DigestCsv.reports(h, week, wib));
        long done = System.nanoTime();
        single.add((done - start) / 1e6);
        queries.add((queried - start) / 1e6);
        charts.add((charted - queried) / 1e6);
        csvs.add((done - charted) / 1e6);
        rows = (int) new String(csv).lines().count() - 1;
      }
      queries.sort(Double::compare);
      charts.sort(Double::compare);
      csvs.sort(Double::compare);
      long allStart = System.nanoTime();
      var all = database.jdbi().inTransaction(h -> Digests.buildAll(h, config, config.groups(), week, sessions, ClosedWeeks.NONE));
      double allMillis = (System.nanoTime() - allStart) / 1e6;
      assertThat(all).hasSize(GROUPS);
      long separateStart = System.nanoTime();
      for (GroupConfig group : config.groups()) {
        database.jdbi().inTransaction(h -> Digests.build(h, config, group, week, sessions));
      }
      double separateMillis = (System.nanoTime() - separateStart) / 1e6;
      long heapAfter = runtime.totalMemory() - runtime.freeMemory();
      single.sort(Double::compare);
      String plan = database.jdbi().withHandle(h -> String.join("\n", h.createQuery("""
              EXPLAIN (ANALYZE, BUFFERS) SELECT category,
                     count(*) FILTER (WHERE created_at >= :thisWeek) AS this_week,
                     count(*) FILTER (WHERE created_at >= :lastWeek AND created_at < :thisWeek) AS last_week,
                     count(*) FILTER (WHERE created_at < :thisWeek) AS last_four
              FROM report WHERE created_at >= :fourWeeksAgo AND created_at < :end AND NOT nihil GROUP BY category""")
          .bind("thisWeek", week.start()).bind("lastWeek", week.minus(1).start()).bind("fourWeeksAgo", week.minus(4).start())
          .bind("end", week.end()).mapTo(String.class).list()));
      String report = String.format("""
          digest benchmark: %,d reports over 2 years, %d areas, %d groups (seeded in %.1f s)
            one group's digest (text + chart + CSV of %,d reports): median %.1f ms, min %.1f ms, max %.1f ms (21 runs)
              of which, medians: queries + text %.1f ms, chart %.1f ms, CSV %.1f ms
            all %d groups' digests as the weekly job builds them (figures, chart, CSV once per zone): %.0f ms
            (each group built on its own, as /rekap does: %.0f ms)
            heap in use before/after the runs: %d MB / %d MB
          main query plan:
          %s
          """, REPORTS, AREAS, GROUPS, seedSeconds, rows, single.get(10), single.getFirst(), single.getLast(),
          queries.get(10), charts.get(10), csvs.get(10), GROUPS, allMillis, separateMillis,
          heapBefore >> 20, heapAfter >> 20, plan);
      System.out.print(report);
      Files.writeString(Path.of("target", "benchmark-digest.txt"), report);
      assertThat(rows).isPositive();
    }
  }
}
