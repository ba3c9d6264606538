package id.rakorbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.Rakorbot;
import id.rakorbot.storage.Database;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.EmulatorProcess;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.Pgbench;
import id.rakorbot.support.TestDatabase;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * Intake: 5,000 {@code /lapor} from 50 reporters in private chats, through the Bot API (answering after 150 ms,
 * enforcing Telegram's limits), the inbox, batched processing and the outbox; against {@code pgbench -c1} inserting
 * one row per transaction into a copy of the report table, in the same run. Once with the emulator inside the bot's
 * JVM, once with it in a process of its own, as Telegram always is; the bot's CPU per report, and how many cores
 * were busy. Also measures the replies sent during the burst against the bot's own global rate.
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

  /** One measured burst: pgbench just before it, the rate, and the CPU of the bot's JVM, of the emulator if apart, of PostgreSQL. */
  record Run(double pgbenchTps, double reportsPerSecond, double repliesPerSecond, double jvmCpu, double emulatorCpu,
      double postgresCpu, double jitSeconds) {

    double ratio() {
      return reportsPerSecond / pgbenchTps;
    }

    /** Milliseconds of the bot's JVM per stored report. */
    double cpuPerReport() {
      return 1000 * jvmCpu / REPORTS;
    }

    /** How many of the machine's cores the bot, the emulator and PostgreSQL kept busy during the burst. */
    double coresBusy() {
      return (jvmCpu + emulatorCpu + postgresCpu) / (REPORTS / reportsPerSecond);
    }
  }

  /**
   * The same bursts through an emulator inside the bot's JVM and through one in a process of its own (as Telegram
   * always is), alternating per run, each after a fresh pgbench: the rate against pgbench -c1, and the bot's CPU per
   * stored report. Two bots on two schemas; the one not measured idles meanwhile.
   */
  @Test
  void fiveThousandReportsThroughAnEmulatorInsideTheBotAndOneApartAgainstPgbench(@TempDir Path dir) throws Exception {
    List<Run> inProcess = new ArrayList<>();
    List<Run> apart = new ArrayList<>();
    String yaml = BotHarness.withReporters(REPORTERS, FIRST_REPORTER);
    try (BotHarness local = BotHarness.startWithTelegramLimits(yaml, Clock.systemUTC());
        RemoteBot remote = RemoteBot.start(yaml, dir)) {
      local.api().enforceTelegramLimits();
      local.api().answerAfter(Duration.ofMillis(150));
      local.jdbi().useHandle(h -> h.execute(PGBENCH_SETUP));
      await().atMost(Duration.ofSeconds(30)).until(() -> !local.api().calls("setMyCommands").isEmpty());
      // Both bots as in production, where a bot runs for months with its code compiled: the JIT compiles for
      // seconds of CPU over the first bursts of a fresh JVM, which would otherwise count against the pipeline.
      for (int i = 0; i < WARM_UPS; i++) {
        System.out.println("warm-up " + (i + 1) + " (not counted): " + burst(local, false) + " / " + remote.burst(false));
      }
      for (int i = 0; i < RUNS; i++) { // which goes first alternates, so neither always follows the other's backlog of replies
        for (boolean separate : i % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
          Run run = separate ? remote.burst(true) : burst(local, true);
          (separate ? apart : inProcess).add(run);
          System.out.println("run " + (i + 1) + (separate ? " (emulator apart): " : " (emulator inside): ") + run);
        }
      }
    }
    double globalRate = 1e9 / (Duration.ofMillis(1_100).toNanos() / 30); // RateLimiter's 1.1 s / 30
    List<Double> replyShares = inProcess.stream().map(r -> r.repliesPerSecond() / globalRate).toList();
    String report = String.format("""
        intake benchmark: %,d /lapor from %d reporters per burst, Bot API answering after 150 ms with Telegram's limits,
        %d runs after %d warm-ups, each run a burst through an emulator inside the bot's JVM and one through an emulator
        in a process of its own, each after pgbench -c1 (one-row inserts into a copy of report) in the same schema
          emulator in its own process (as Telegram):
            pgbench -c1:               %s tps
            reports stored per second: %s
            ratio to pgbench:          %s
            bot CPU per report:        %s ms (the bot's JVM; emulator %s s, PostgreSQL %s s per burst)
            cores busy in the burst:   %s of %d (bot, emulator and PostgreSQL)
          emulator inside the bot's JVM:
            pgbench -c1:               %s tps
            reports stored per second: %s
            ratio to pgbench:          %s
            JVM CPU per report:        %s ms (bot and emulator; PostgreSQL %s s per burst)
            replies per second in the burst (s %d-%d): %s, against the bot's global rate %.1f/s: %s
          lost: 0, doubled: 0, 429: 0 (asserted in every burst)
        """, REPORTS, REPORTERS, RUNS, WARM_UPS,
        spread(apart.stream().map(Run::pgbenchTps).toList()), spread(apart.stream().map(Run::reportsPerSecond).toList()),
        spread(apart.stream().map(Run::ratio).toList()), spread(apart.stream().map(Run::cpuPerReport).toList()),
        spread(apart.stream().map(Run::emulatorCpu).toList()), spread(apart.stream().map(Run::postgresCpu).toList()),
        spread(apart.stream().map(Run::coresBusy).toList()), Runtime.getRuntime().availableProcessors(),
        spread(inProcess.stream().map(Run::pgbenchTps).toList()), spread(inProcess.stream().map(Run::reportsPerSecond).toList()),
        spread(inProcess.stream().map(Run::ratio).toList()), spread(inProcess.stream().map(Run::cpuPerReport).toList()),
        spread(inProcess.stream().map(Run::postgresCpu).toList()),
        WINDOW_FROM.toSeconds(), WINDOW_FROM.plus(WINDOW).toSeconds(),
        spread(inProcess.stream().map(Run::repliesPerSecond).toList()), globalRate, spread(replyShares));
    System.out.print(report);
    Files.writeString(Path.of("target", "benchmark-intake.txt"), report);
    assertThat(median(replyShares)).isGreaterThanOrEqualTo(0.95);
  }

  /** A bot whose Bot API emulator runs in a process of its own, on a schema of its own. */
  private static final class RemoteBot implements AutoCloseable {
    private final EmulatorProcess api;
    private final TestDatabase schema;
    private final Database database;
    private final Rakorbot bot;

    private RemoteBot(EmulatorProcess api, TestDatabase schema, Database database, Rakorbot bot) {
      this.api = api;
      this.schema = schema;
      this.database = database;
      this.bot = bot;
    }

    static RemoteBot start(String yaml, Path dir) throws Exception {
      EmulatorProcess api = EmulatorProcess.start(Path.of("target", "benchmark-emulator.log"));
      api.actLikeTelegram(Duration.ofMillis(150));
      TestDatabase schema = TestDatabase.create();
      Database database = Database.connect(schema.url(), 10);
      Path config = Files.writeString(dir.resolve("rakorbot.yaml"), yaml);
      var loader = Rakorbot.configLoader(Map.of("TELEGRAM_API_URL", api.url())::get);
      Rakorbot bot = Rakorbot.start(loader, loader.load(config), database, BotApiEmulator.TOKEN, Clock.systemUTC());
      database.jdbi().useHandle(h -> h.execute(PGBENCH_SETUP));
      await().atMost(Duration.ofSeconds(30)).until(api::botUp);
      return new RemoteBot(api, schema, database, bot);
    }

    Run burst(boolean measured) throws Exception {
      double tps = measured ? Pgbench.singleClientTps(schema, PGBENCH_INSERT, 5) : 0;
      long before = count("SELECT count(*) FROM report");
      long queuedBefore = count("SELECT count(*) FROM outbox_message WHERE chat_id >= " + FIRST_REPORTER);
      double jvmBefore = jvmCpu();
      double emulatorBefore = api.cpuSeconds();
      double pgBefore = postgresCpu();
      long start = System.nanoTime();
      api.queueReports(REPORTS, REPORTERS, FIRST_REPORTER, "/lapor narkoba Peredaran obat terlarang di sekitar terminal, laporan");
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
          .until(() -> count("SELECT count(*) FROM report") >= before + REPORTS);
      double seconds = (System.nanoTime() - start) / 1e9;
      Run run = new Run(tps, REPORTS / seconds, 0, jvmCpu() - jvmBefore, api.cpuSeconds() - emulatorBefore,
          postgresCpu() - pgBefore, 0);
      assertThat(count("SELECT count(*) FROM report")).as("every report stored").isEqualTo(before + REPORTS);
      assertThat(count("SELECT count(DISTINCT update_id) FROM report")).as("each update stored one report").isEqualTo(before + REPORTS);
      assertThat(count("SELECT count(*) FROM outbox_message WHERE chat_id >= " + FIRST_REPORTER) - queuedBefore)
          .as("one reply queued per report").isEqualTo(REPORTS);
      EmulatorProcess.Sent sent = api.sentFrom(FIRST_REPORTER);
      assertThat(sent.distinct()).as("no reply sent twice").isEqualTo(sent.messages());
      assertThat(sent.tooManyRequests()).as("429s by limit: %s", sent.byLimit()).isZero();
      return run;
    }

    private long count(String sql) {
      return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
      bot.close();
      database.close();
      schema.close();
      api.close();
    }
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
    try (BotHarness bot = BotHarness.startWithTelegramLimits(without, Clock.systemUTC())) {
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
    return new Run(tps, REPORTS / seconds, measured ? inWindow / (double) WINDOW.toSeconds() : 0, jvm, 0, postgres, jit);
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
