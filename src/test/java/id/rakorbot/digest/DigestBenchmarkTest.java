package id.rakorbot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Rakorbot;
import id.rakorbot.briefing.Briefing;
import id.rakorbot.briefing.BriefingChart;
import id.rakorbot.briefing.BriefingText;
import id.rakorbot.briefing.Briefings;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.schedule.Occurrence;
import id.rakorbot.schedule.ScheduleBook;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.storage.Database;
import id.rakorbot.support.BenchmarkReports;
import id.rakorbot.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 1,000,000 reports over two years in a regency-sized config (300 areas, 15 categories, 12 groups, a
 * monthly rakor, a quarterly Kopi Senja, a weekly Ngopi Kamtibmas): the bahan rapat of a quarterly meeting
 * (the quarter, the quarter before, the same quarter a year earlier: text and chart) and one group's weekly
 * digest (text and chart; files are built only when sent), the first time a week is asked for and again.
 * Three runs: two after VACUUM ANALYZE, one after 5 % of the rows were updated with autovacuum off and no
 * VACUUM since. Run: {@code ./mvnw -B test -Pbench -Dtest=DigestBenchmarkTest}. Writes target/benchmark-digest.txt.
 */
@Tag("benchmark")
class DigestBenchmarkTest {

  private static final int REPORTS = 1_000_000;
  private static final int AREAS = 300;
  private static final int GROUPS = 12;
  private static final int ROUNDS = 21;
  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

  /** Median, min and max of one run, in ms. */
  private record Figures(double median, double min, double max) {
    static Figures of(List<Double> millis) {
      List<Double> sorted = millis.stream().sorted().toList();
      return new Figures(sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast());
    }

    @Override
    public String toString() {
      return String.format("median %5.1f ms (min %5.1f, max %5.1f)", median, min, max);
    }
  }

  private record Run(String name, Figures briefing, Figures digestFirst, Figures digestAgain) {}

  @Test
  void briefingAndDigestOverAMillionReports() throws Exception {
    RakorbotConfig config = Rakorbot.configLoader(Map.<String, String>of()::get).parse(Path.of("bench.yaml"), config());
    var sessions = new Sessions(new CurrentConfig(config), Clock.fixed(NOW, WIB));
    GroupConfig forkopimda = config.groupById("g1").orElseThrow();
    Week week = Week.containing(NOW, WIB).minus(1);
    var kopiSenja = ScheduleBook.of(config).byId("kopi_senja").orElseThrow();
    Occurrence meeting = new Occurrence(kopiSenja, LocalDateTime.parse("2026-10-07T15:30").atZone(WIB), Optional.empty());

    try (TestDatabase schema = TestDatabase.create(); Database database = Database.connect(schema.url(), 4)) {
      long seedStart = System.nanoTime();
      database.jdbi().useHandle(h -> {
        BenchmarkReports.insert(h, REPORTS, AREAS, CATEGORIES, NOW);
        // The previous Kopi Senja, its answers and its arahan, as the briefing reads them.
        long july = h.createQuery("INSERT INTO schedule_occurrence (schedule_id, starts_at) VALUES ('kopi_senja', :at) RETURNING id")
            .bind("at", LocalDateTime.parse("2026-07-01T15:30").atZone(WIB).toInstant()).mapTo(Long.class).one();
        h.createUpdate("INSERT INTO rsvp_answer (occurrence_id, user_id, answer) SELECT :o, 500000 + g, 'hadir' FROM generate_series(1, 25) g")
            .bind("o", july).execute();
        h.createUpdate("""
                INSERT INTO follow_up (number, occurrence_id, schedule_id, chat_id, owner_unit, owner_name, description, due_on, status,
                                       recorded_by, recorded_by_name, recorded_at)
                SELECT 'TL-2026-' || lpad(g::text, 4, '0'), :o, 'kopi_senja', -1009000000001, 'opd' || g % 5, 'OPD ' || g % 5,
                       'Arahan nomor ' || g, DATE '2026-08-01' + g, CASE WHEN g % 3 = 0 THEN 'done' ELSE 'open' END, 1, 'Notulis', now()
                FROM generate_series(1, 30) g""").bind("o", july).execute();
        h.execute("VACUUM ANALYZE report");
      });
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

      long firstStart = System.nanoTime(); // the very first briefing sums the ~280 past days of its three periods, once
      Briefing check = database.jdbi().inTransaction(h -> Briefings.build(h, config, meeting, NOW));
      double firstBriefing = (System.nanoTime() - firstStart) / 1e6;
      int summedDays = database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM report_day_done").mapTo(Integer.class).one());
      long expected = database.jdbi().withHandle(h -> h.createQuery(
              "SELECT count(*) FROM report WHERE NOT nihil AND created_at >= :from AND created_at < :to")
          .bind("from", check.period().from()).bind("to", check.period().to()).mapTo(Long.class).one());
      assertThat(check.categories().stream().mapToLong(Briefing.CategoryChange::now).sum()).isEqualTo(expected);
      assertThat(check.followUps()).hasSize(30);

      List<Run> runs = new ArrayList<>();
      runs.add(run("1 (after VACUUM ANALYZE)", database, config, sessions, forkopimda, week, meeting));
      runs.add(run("2 (after VACUUM ANALYZE)", database, config, sessions, forkopimda, week, meeting));
      int updated = database.jdbi().withHandle(h -> {
        h.execute("ALTER TABLE report SET (autovacuum_enabled = false)");
        return h.createUpdate("UPDATE report SET status = CASE WHEN status = 'open' THEN 'closed' ELSE 'open' END WHERE id % 20 = 7").execute();
      });
      runs.add(run("3 (no VACUUM since " + String.format("%,d", updated) + " rows were updated)", database, config, sessions, forkopimda,
          week, meeting));

      StringBuilder report = new StringBuilder(String.format(
          "bahan rapat and digest benchmark: %,d reports over 2 years, %d areas, %d groups (seeded in %.1f s); %d rounds per run after 5 warm-ups%n",
          REPORTS, AREAS, GROUPS, seedSeconds, ROUNDS));
      report.append(String.format("  the briefing's quarter holds %,d reports; the very first briefing, which sums its %d past days once: %.0f ms%n",
          expected, summedDays, firstBriefing));
      for (Run run : runs) {
        report.append("run ").append(run.name()).append('\n')
            .append("  bahan rapat (quarter, quarter before, year before; text + chart): ").append(run.briefing()).append('\n')
            .append("  weekly digest, first time for the week (text + chart):          ").append(run.digestFirst()).append('\n')
            .append("  weekly digest again (closed week kept; text):                   ").append(run.digestAgain()).append('\n');
      }
      report.append(across("bahan rapat", runs.stream().map(r -> r.briefing().median()).toList()))
          .append(across("digest, first time", runs.stream().map(r -> r.digestFirst().median()).toList()))
          .append(across("digest again", runs.stream().map(r -> r.digestAgain().median()).toList()));
      System.out.print(report);
      Files.writeString(Path.of("target", "benchmark-digest.txt"), report.toString());
    }
  }

  private static String across(String what, List<Double> medians) {
    List<Double> sorted = medians.stream().sorted().toList();
    return String.format("medians of the runs, %s: %s (spread %.1f to %.1f ms)%n", what,
        medians.stream().map(m -> String.format("%.1f", m)).collect(Collectors.joining(" / ")), sorted.getFirst(), sorted.getLast());
  }

  private static Run run(String name, Database database, RakorbotConfig config, Sessions sessions, GroupConfig group, Week week,
      Occurrence meeting) {
    Supplier<Object> briefing = () -> database.jdbi().inTransaction(h -> {
      Briefing b = Briefings.build(h, config, meeting, NOW);
      BriefingText.parts(b);
      return BriefingChart.png(b);
    });
    Supplier<Object> first = () -> database.jdbi().inTransaction(h -> Digests.build(h, config, group, week, sessions));
    var digests = new Digests(new CurrentConfig(config), sessions, null, null, Clock.fixed(NOW, WIB));
    Supplier<Object> again = () -> database.jdbi().inTransaction(h -> digests.buildCached(h, config, group, week));
    return new Run(name, time(briefing), time(first), time(again));
  }

  private static Figures time(Supplier<Object> work) {
    for (int i = 0; i < 5; i++) {
      work.get();
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      work.get();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    return Figures.of(millis);
  }

  private static final List<String> CATEGORIES = BenchmarkReports.CATEGORIES;

  private static String config() {
    return BenchmarkReports.regencyConfig(GROUPS, AREAS);
  }
}
