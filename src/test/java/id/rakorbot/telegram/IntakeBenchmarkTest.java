package id.rakorbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.Pgbench;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Intake at the database's speed: 5,000 {@code /lapor} from 50 reporters in private chats, through the
 * emulator (answering after 150 ms, enforcing Telegram's limits), the inbox, batched processing and the
 * outbox; against {@code pgbench -c1} inserting one row per transaction into a copy of the report table,
 * in the same run. Also measures the replies sent during the burst against the bot's own global rate.
 * Run: {@code ./mvnw -B test -Pbench -Dtest=IntakeBenchmarkTest}.
 */
@Tag("benchmark")
class IntakeBenchmarkTest {

  private static final int REPORTS = 5_000;
  private static final int REPORTERS = 50;
  private static final int RUNS = Integer.getInteger("runs", 3);
  private static final int WARM_UPS = 3;
  private static final long FIRST_REPORTER = 900_000_001L;
  /** Replies are counted in this window after the burst starts (the steady state; the whole drain takes ~3 min). */
  private static final Duration WINDOW_FROM = Duration.ofSeconds(5);
  private static final Duration WINDOW = Duration.ofSeconds(20);

  private static final String PGBENCH_SETUP = """
      CREATE TABLE pgb_report (LIKE report INCLUDING ALL);
      CREATE SEQUENCE pgb_report_id_seq;""";
  private static final String PGBENCH_INSERT = """
      INSERT INTO pgb_report (id, number, reporter_id, reporter_name, chat_id, category, severity, area, description,
                              nihil, update_id, created_at)
      SELECT id, 'LAP-2026-' || lpad(id::text, 6, '0'), 900000001, 'Pelapor 1', 900000001, 'narkoba', 'normal',
             'Klojen', 'Peredaran obat terlarang di sekitar terminal, laporan nomor ' || id, false, id, now()
      FROM (SELECT nextval('pgb_report_id_seq') AS id) s;
      """;

  record Run(double pgbenchTps, double reportsPerSecond, double repliesPerSecond, double jvmCpu, double postgresCpu,
      double jitSeconds) {}

  @Test
  void fiveThousandReportsAreStoredAtLeastAsFastAsPostgresqlTakesSingleInserts() throws Exception {
    List<Run> runs = new ArrayList<>();
    try (BotHarness bot = BotHarness.start(BotHarness.withReporters(REPORTERS, FIRST_REPORTER), Clock.systemUTC())) {
      BotApiEmulator api = bot.api();
      api.enforceTelegramLimits();
      api.answerAfter(Duration.ofMillis(150));
      bot.jdbi().useHandle(h -> h.execute(PGBENCH_SETUP));
      await().atMost(Duration.ofSeconds(30)).until(() -> !api.calls("setMyCommands").isEmpty());
      // One bot, as in production, where it runs for months with its code compiled: the JIT compiles for
      // seconds of CPU over the first bursts of a fresh JVM, which would otherwise count against the pipeline.
      for (int i = 0; i < WARM_UPS; i++) {
        System.out.println("warm-up " + (i + 1) + " (not counted): " + burst(bot, false));
      }
      for (int i = 0; i < RUNS; i++) {
        runs.add(burst(bot, true));
        System.out.println("run " + (i + 1) + ": " + runs.getLast());
      }
    }
    double globalRate = 1e9 / (Duration.ofMillis(1_050).toNanos() / 30);
    List<Double> ratios = runs.stream().map(r -> r.reportsPerSecond() / r.pgbenchTps()).toList();
    List<Double> replyShares = runs.stream().map(r -> r.repliesPerSecond() / globalRate).toList();
    String report = String.format("""
        intake benchmark: %,d /lapor from %d reporters per run, Bot API answering after 150 ms, %d runs after %d warm-ups
          pgbench -c1 one-row inserts:  %s tps
          reports stored per second:    %s
          ratio to pgbench:             %s
          replies per second in the burst (s %d-%d): %s, against the bot's global rate %.1f/s: %s
          CPU per burst: JVM (bot + emulator) %s s, PostgreSQL %s s; JIT compiler threads busy %s s
          lost: 0, doubled: 0, 429: 0 (asserted in every run)
        """, REPORTS, REPORTERS, RUNS, WARM_UPS, spread(runs.stream().map(Run::pgbenchTps).toList()),
        spread(runs.stream().map(Run::reportsPerSecond).toList()), spread(ratios),
        WINDOW_FROM.toSeconds(), WINDOW_FROM.plus(WINDOW).toSeconds(),
        spread(runs.stream().map(Run::repliesPerSecond).toList()), globalRate, spread(replyShares),
        spread(runs.stream().map(Run::jvmCpu).toList()), spread(runs.stream().map(Run::postgresCpu).toList()),
        spread(runs.stream().map(Run::jitSeconds).toList()));
    System.out.print(report);
    Files.writeString(Path.of("target", "benchmark-intake.txt"), report);
    assertThat(median(replyShares)).isGreaterThanOrEqualTo(0.95);
    assertThat(median(ratios)).isGreaterThanOrEqualTo(1.0);
  }

  /** Realistic early-warning rules, three of them over the burst's category and area (issue 13): they fire early, then are checked per report. */
  static final String RULES = """
      peringatan_dini:
        - {id: narkoba_waspada, name: Peredaran narkoba, categories: [narkoba], min_reports: 3, within_hours: 24, per: wilayah, level: waspada}
        - {id: narkoba_siaga, name: Peredaran narkoba, categories: [narkoba], min_reports: 10, within_hours: 24, per: wilayah, level: siaga}
        - {id: narkoba_kota, name: Narkoba se-kota, categories: [narkoba], min_reports: 50, within_hours: 6, per: semua, level: awas}
        - {id: tawuran_waspada, name: Potensi tawuran, categories: [tawuran], min_reports: 3, within_hours: 24, per: wilayah, level: waspada}
        - {id: narkoba_tren, name: Tren narkoba, categories: [narkoba], trend: {factor: 2, min_reports: 10}, level: waspada}
      """;

  /**
   * The same bursts with and without the early-warning rules, alternating in one bot (the config reloaded
   * in between with /muat_ulang): what evaluating the rules as reports arrive costs the intake.
   */
  @Test
  void earlyWarningRulesCostTheIntakeLittle() throws Exception {
    String without = BotHarness.withReporters(REPORTERS, FIRST_REPORTER);
    String with = without + RULES;
    List<Double> plain = new ArrayList<>();
    List<Double> ruled = new ArrayList<>();
    try (BotHarness bot = BotHarness.start(without, Clock.systemUTC())) {
      BotApiEmulator api = bot.api();
      api.enforceTelegramLimits();
      api.answerAfter(Duration.ofMillis(150));
      await().atMost(Duration.ofSeconds(30)).until(() -> !api.calls("setMyCommands").isEmpty());
      for (int i = 0; i < WARM_UPS; i++) {
        burst(bot, false);
      }
      for (int i = 0; i < RUNS; i++) { // alternating which goes first, so that neither always follows the other's backlog
        for (boolean rules : i % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
          reload(bot, rules ? with : without);
          (rules ? ruled : plain).add(burst(bot, false).reportsPerSecond());
        }
        System.out.printf("run %d: without rules %.0f reports/s, with rules %.0f reports/s%n", i + 1, plain.getLast(), ruled.getLast());
      }
      long alerts = bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM early_warning").mapTo(Long.class).one());
      assertThat(alerts).as("the rules did fire").isPositive();
      long doubled = bot.jdbi().withHandle(h -> h.createQuery(
          "SELECT count(*) FROM (SELECT rule_id, scope, window_end FROM early_warning GROUP BY 1, 2, 3 HAVING count(*) > 1) x").mapTo(Long.class).one());
      assertThat(doubled).as("no alert raised twice").isZero();
    }
    List<Double> costs = new ArrayList<>();
    for (int i = 0; i < plain.size(); i++) {
      costs.add(100 * (1 - ruled.get(i) / plain.get(i)));
    }
    String report = String.format("""
        early-warning rules and intake: %,d /lapor per burst, %d runs, each a burst without and one with 5 rules (3 over the burst's category), in alternating order
          without rules: %s reports/s
          with rules:    %s reports/s
          cost of the rules, per run (%% of the rate without): %s
        """, REPORTS, RUNS, spread(plain), spread(ruled), spread(costs));
    System.out.print(report);
    Files.writeString(Path.of("target", "benchmark-intake-rules.txt"), report);
  }

  private static void reload(BotHarness bot, String yaml) throws Exception {
    Files.writeString(bot.configFile(), yaml);
    // Applied once the answer is queued (its sending waits behind the burst's replies).
    java.util.function.LongSupplier answers = () -> bot.jdbi().withHandle(h -> h.createQuery(
        "SELECT count(*) FROM outbox_message WHERE chat_id = :admin").bind("admin", BotHarness.ADMIN).mapTo(Long.class).one());
    long before = answers.getAsLong();
    bot.api().privateText(BotHarness.ADMIN, "Rina", "/muat_ulang");
    await().atMost(Duration.ofSeconds(30)).until(() -> answers.getAsLong() > before);
  }

  private Run burst(BotHarness bot, boolean measured) throws Exception {
    BotApiEmulator api = bot.api();
    double tps = measured ? Pgbench.singleClientTps(bot.schema(), PGBENCH_INSERT, 5) : 0;
    long reportsBefore = reports(bot);
    long repliesBefore = replyRows(bot);
    int callsBefore = api.calls().size();
    double jvmBefore = jvmCpu();
    double pgBefore = postgresCpu();
    long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();

    long start = System.nanoTime();
    for (int i = 0; i < REPORTS; i++) {
      long reporter = FIRST_REPORTER + i % REPORTERS;
      api.privateText(reporter, "Pelapor", "/lapor narkoba Peredaran obat terlarang di sekitar terminal, laporan " + i);
    }
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> reports(bot) >= reportsBefore + REPORTS);
    double seconds = (System.nanoTime() - start) / 1e9;
    double jvm = jvmCpu() - jvmBefore;
    double postgres = postgresCpu() - pgBefore;
    double jit = (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore) / 1000.0;

    long windowStart = start + WINDOW_FROM.toNanos();
    long windowEnd = windowStart + WINDOW.toNanos();
    Thread.sleep(Math.max(0, (windowEnd - System.nanoTime()) / 1_000_000 + 500));
    List<BotApiEmulator.Call> calls = api.calls();
    List<BotApiEmulator.Call> replies = calls.subList(callsBefore, calls.size()).stream()
        .filter(c -> c.method().equals("sendmessage") && c.chatId() >= FIRST_REPORTER).toList();
    long inWindow = replies.stream().filter(c -> c.atNanos() >= windowStart && c.atNanos() < windowEnd).count();

    long stored = bot.jdbi().withHandle(h -> h.createQuery("SELECT count(DISTINCT update_id) FROM report").mapTo(Long.class).one());
    Map<String, Long> sentTwice = api.calls("sendMessage").stream().filter(c -> c.chatId() >= FIRST_REPORTER)
        .collect(Collectors.groupingBy(c -> c.chatId() + c.text(), Collectors.counting()));
    assertThat(reports(bot)).as("every report stored").isEqualTo(reportsBefore + REPORTS);
    assertThat(stored).as("each update stored one report").isEqualTo(reportsBefore + REPORTS);
    assertThat(replyRows(bot) - repliesBefore).as("one reply queued per report").isEqualTo(REPORTS);
    assertThat(sentTwice.values()).as("no reply sent twice").allMatch(n -> n == 1);
    assertThat(api.tooManyRequests()).as("429s, to chats %s", api.calls().stream().filter(c -> c.method().endsWith("!429"))
        .map(c -> c.chatId() + "@" + c.atNanos() / 1_000_000).toList()).isZero();
    return new Run(tps, REPORTS / seconds, measured ? inWindow / (double) WINDOW.toSeconds() : 0, jvm, postgres, jit);
  }

  private static long replyRows(BotHarness bot) {
    return bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox_message WHERE chat_id >= :first")
        .bind("first", FIRST_REPORTER).mapTo(Long.class).one());
  }

  static double jvmCpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
  }

  /** CPU seconds used so far by every PostgreSQL process on this machine (from /proc). */
  static double postgresCpu() throws java.io.IOException {
    double ticks = 0;
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String stat = Files.readString(dir.resolve("stat"));
          if (stat.contains("(postgres)")) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          }
        } catch (java.io.IOException | RuntimeException gone) {
          // the process ended meanwhile
        }
      }
    }
    return ticks / 100.0;
  }

  private static long reports(BotHarness bot) {
    return bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM report").mapTo(Long.class).one());
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** "median m (min a, max b)". */
  static String spread(List<Double> values) {
    return String.format("median %,.2f (min %,.2f, max %,.2f)", median(values), Collections.min(values), Collections.max(values));
  }
}
