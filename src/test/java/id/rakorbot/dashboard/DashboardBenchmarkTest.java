package id.rakorbot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.rakorbot.Rakorbot;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.digest.Digests;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.storage.Database;
import id.rakorbot.support.BenchmarkReports;
import id.rakorbot.support.TestDatabase;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every dashboard page over 1,000,000 reports (two years, 300 areas, 15 categories), asked over HTTP on
 * loopback with a real session, as a browser would: the time from request to the last byte of the answer,
 * which is the server's render (query, template, escaping) plus a loopback transfer. Baselines in the same
 * run: a static asset (the HTTP floor) and PostgreSQL counting the week's reports (the least any figure costs).
 * Three runs of 21 rounds after 3 warm-ups. Run: {@code ./mvnw -B test -Pbench -Dtest=DashboardBenchmarkTest}.
 * Writes target/benchmark-dashboard.txt.
 */
@Tag("benchmark")
class DashboardBenchmarkTest {

  private static final int REPORTS = 1_000_000;
  private static final int AREAS = 300;
  private static final int ROUNDS = 21;
  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final Instant NOW = Instant.parse("2026-11-26T05:00:00Z"); // Thursday 12:00 WIB: half of week W48 in
  private static final long ADMIN = 900001;

  private static final Map<String, String> PAGES = new LinkedHashMap<>();

  static {
    PAGES.put("baseline: static asset (app.css)", "/dasbor/aset/app.css");
    PAGES.put("Ringkasan, this week", "/dasbor/ringkasan");
    PAGES.put("Ringkasan, last week (closed, kept)", "/dasbor/ringkasan?pekan=2026-W47");
    PAGES.put("Laporan, this week (500 of ~4,800 rows)", "/dasbor/laporan");
    PAGES.put("Laporan, filtered (category, area, severity)", "/dasbor/laporan?kategori=narkoba&wilayah=Desa%2017&tingkat=normal");
    PAGES.put("Peta page", "/dasbor/peta");
    PAGES.put("Peta markers (JSON)", "/dasbor/peta/titik.json");
    PAGES.put("Forum", "/dasbor/forum");
    PAGES.put("Tindak lanjut", "/dasbor/tindak-lanjut");
    PAGES.put("Layar (whole page)", "/dasbor/layar");
    PAGES.put("Layar refresh (content)", "/dasbor/layar/isi");
    PAGES.put("chart PNG, this week", "/dasbor/grafik.png");
    PAGES.put("CSV download, this week (not a page)", "/dasbor/laporan.csv");
  }

  @Test
  void everyPageRendersWellUnder200MillisecondsOverAMillionReports() throws Exception {
    String yaml = BenchmarkReports.regencyConfig(12, AREAS)
        .replace("roster:\n", "roster:\n  - {user_id: " + ADMIN + ", name: Admin Bench, roles: [admin], groups: [g1]}\n")
        + "http: {port: 0}\ndashboard: {base_url: 'http://127.0.0.1'}\n";
    RakorbotConfig config = Rakorbot.configLoader(Map.<String, String>of()::get).parse(Path.of("bench.yaml"), yaml);
    Clock clock = Clock.fixed(NOW, WIB);
    var current = new CurrentConfig(config);
    var sessions = new Sessions(current, clock);
    try (TestDatabase schema = TestDatabase.create(); Database database = Database.connect(schema.url(), 4)) {
      long seedStart = System.nanoTime();
      database.jdbi().useHandle(h -> {
        BenchmarkReports.insert(h, REPORTS, AREAS, BenchmarkReports.CATEGORIES, NOW);
        h.createUpdate("""
                INSERT INTO follow_up (number, schedule_id, chat_id, owner_unit, owner_name, description, due_on, status,
                                       recorded_by, recorded_by_name, recorded_at)
                SELECT 'TL-2026-' || lpad(g::text, 4, '0'), 'kopi_senja', -1009000000001, 'opd' || g % 5, 'OPD ' || g % 5,
                       'Arahan nomor ' || g, DATE '2026-10-01' + g, CASE WHEN g % 3 = 0 THEN 'done' ELSE 'open' END, 1, 'Notulis', now()
                FROM generate_series(1, 60) g""").execute();
        h.execute("VACUUM ANALYZE report");
      });
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      String session = database.jdbi().inTransaction(h -> Access.redeem(h, Access.newLoginLink(h, ADMIN, NOW), NOW, Duration.ofHours(1), (user, kiosk) -> true)
          .orElseThrow().token());

      var digests = new Digests(current, sessions, null, null, clock);
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
      ExecutorService threads = Executors.newFixedThreadPool(4);
      server.setExecutor(threads);
      server.createContext("/dasbor", new DashboardHttp(database.jdbi(), current, new Pages(digests, sessions)));
      server.start();
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      try {
        Map<String, List<Double>> medians = new LinkedHashMap<>();
        StringBuilder report = new StringBuilder(String.format(
            "dashboard benchmark: %,d reports over 2 years, %d areas, 15 categories (seeded in %.0f s); this week holds %,d reports;"
                + " %d rounds per run after 3 warm-ups; ms from request to last byte over loopback%n",
            REPORTS, AREAS, seedSeconds, weekReports(database), ROUNDS));
        for (int run = 1; run <= 3; run++) {
          report.append("run ").append(run).append('\n');
          List<Double> sql = time(() -> weekReports(database));
          medians.computeIfAbsent("baseline: PostgreSQL counts the week's reports", k -> new ArrayList<>()).add(median(sql));
          report.append(line("baseline: PostgreSQL counts the week's reports", sql));
          for (var page : PAGES.entrySet()) {
            List<Double> millis = time(() -> {
              HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + page.getValue()))
                  .header("Cookie", DashboardHttp.COOKIE + "=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
              assertThat(response.statusCode()).as(page.getValue()).isEqualTo(200);
              return response.body().length;
            });
            medians.computeIfAbsent(page.getKey(), k -> new ArrayList<>()).add(median(millis));
            report.append(line(page.getKey(), millis));
          }
        }
        report.append("medians of the three runs:\n");
        medians.forEach((name, values) -> report.append(String.format("  %-50s %s%n", name,
            String.join(" / ", values.stream().map(v -> String.format("%.1f", v)).toList()))));
        System.out.print(report);
        Files.writeString(Path.of("target", "benchmark-dashboard.txt"), report.toString());
        medians.forEach((name, values) -> {
          if (!name.startsWith("CSV")) {
            assertThat(values).as(name).allMatch(ms -> ms <= 200);
          }
        });
      } finally {
        server.stop(0);
        threads.shutdownNow();
      }
    }
  }

  private static long weekReports(Database database) {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM report WHERE created_at >= :from AND created_at < :to AND NOT nihil")
        .bind("from", Instant.parse("2026-11-22T17:00:00Z")).bind("to", NOW).mapTo(Long.class).one());
  }

  private interface Work {
    Object run() throws Exception;
  }

  private static List<Double> time(Work work) throws Exception {
    for (int i = 0; i < 3; i++) {
      work.run();
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      work.run();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    return millis;
  }

  private static double median(List<Double> millis) {
    return millis.stream().sorted().toList().get(millis.size() / 2);
  }

  private static String line(String name, List<Double> millis) {
    List<Double> sorted = millis.stream().sorted().toList();
    return String.format("  %-50s median %6.1f ms (min %6.1f, max %6.1f)%n", name, median(millis), sorted.getFirst(), sorted.getLast());
  }
}
