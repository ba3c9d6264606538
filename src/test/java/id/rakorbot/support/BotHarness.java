package id.rakorbot.support;

import id.rakorbot.Rakorbot;
import id.rakorbot.config.ConfigLoader;
import id.rakorbot.outbox.SendLimits;
import id.rakorbot.storage.Database;
import id.rakorbot.config.DatabaseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;

/**
 * A whole bot for end-to-end tests: the Bot API emulator, a clean schema, and Rakorbot wired exactly as in
 * production, polling the emulator with one-second long polls. {@link #restart} stops and starts the bot on
 * the same database, as a crash and a new deploy would.
 */
public final class BotHarness implements AutoCloseable {

  public static final long ADMIN = 100000001;
  public static final long CAMAT = 100000004;
  /** A lurah who reports but does not attend forums (role pelapor only). */
  public static final long LURAH = 100000005;
  public static final long FORKOPIMDA = -1001000000001L;
  public static final long CAMAT_LURAH = -1001000000003L;
  public static final long FKUB_BASIC_GROUP = -400123;

  public static final String CONFIG = """
      bot:
        time_zone: Asia/Jakarta
      telegram:
        api_url: ${TELEGRAM_API_URL}
        poll_timeout_seconds: 1
      http:
        port: 0
      groups:
        - id: forkopimda
          chat_id: -1001000000001
          name: Forkopimda Kota Malang
          region: Kota Malang
        - id: camat_lurah
          chat_id: -1001000000003
          name: Camat dan Lurah
          region: Kota Malang
          topic_id: 12
        - id: fkub
          chat_id: -400123
          name: FKUB Kota Malang
      roster:
        - user_id: 100000001
          name: Rina Wulandari
          jabatan: Analis Bakesbangpol
          roles: [admin, peserta]
          groups: [forkopimda, camat_lurah]
        - user_id: 100000004
          name: Heri Susanto
          jabatan: Camat Klojen
          wilayah: Klojen
          roles: [pelapor, peserta]
          groups: [camat_lurah]
        - user_id: 100000005
          name: Siti Aminah
          jabatan: Lurah Kauman
          wilayah: Kauman
          roles: [pelapor]
          groups: [camat_lurah]
      reports:
        categories:
          - {key: narkoba, label: Narkoba, group: Kejahatan transnasional}
          - {key: pencurian, label: Pencurian, group: Kejahatan konvensional, aliases: [curanmor, ternak]}
          - {key: tawuran, label: Tawuran, group: Gangguan ketertiban}
          - {key: bencana, label: Bencana, group: Bencana, aliases: [banjir, longsor]}
          - {key: konflik_sosial, label: Konflik sosial, group: Kontinjensi, aliases: [sara_etnis, konflik]}
        areas: [Klojen, Kauman, Blimbing]
        private_reports_to: forkopimda
        alert_groups: [forkopimda]
        flood_max: 3
        flood_minutes: 10
      """;

  /**
   * {@link #CONFIG} with {@code count} more reporters (role pelapor, area Klojen, in camat_lurah) numbered from
   * {@code firstUserId}, and no flood limit to speak of: for bursts of reports.
   */
  public static String withReporters(int count, long firstUserId) {
    StringBuilder roster = new StringBuilder();
    for (int i = 0; i < count; i++) {
      roster.append("""
            - user_id: %d
              name: Pelapor %d
              jabatan: Lurah
              wilayah: Klojen
              roles: [pelapor]
              groups: [camat_lurah]
          """.formatted(firstUserId + i, i + 1));
    }
    return CONFIG.replace("\nreports:\n", "\n" + roster + "reports:\n").replace("flood_max: 3", "flood_max: 100000");
  }

  /** Dewi Lestari, the forums' notulis (she records arahan); see {@link #withNotulis}. */
  public static final long NOTULIS = 100000007;

  /** {@code config} (one with a {@code reports:} section after its roster) with {@link #NOTULIS} on the roster. */
  public static String withNotulis(String config) {
    return config.replace("\nreports:\n", """

          - user_id: 100000007
            name: Dewi Lestari
            jabatan: Notulis Bakesbangpol
            roles: [notulis]
            groups: [forkopimda]
        reports:
        """);
  }

  /** One hybrid rakor on Wednesday 28 January 2026, 09:00 WIB, for two groups; append to {@link #CONFIG}. */
  public static final String ONE_MEETING = """
      schedules:
        - id: rakor_pks
          title: Rakor Tim Terpadu PKS
          kind: rakor
          groups: [forkopimda, camat_lurah]
          venue: Command Center
          mode: hybrid
          link: https://zoom.us/j/1
          agenda: Deteksi dini konflik sosial
          time: "09:00"
          repeat: {every: once, date: 2026-01-28}
          reminders: [1d, 2h]
      """;

  private final BotApiEmulator api;
  private final TestDatabase schema;
  private final DatabaseUrl databaseUrl;
  private final Path configFile;
  private final ConfigLoader loader;
  private final SendLimits sendLimits;
  private Clock clock;
  private Database database;
  private Rakorbot bot;

  private BotHarness(BotApiEmulator api, TestDatabase schema, DatabaseUrl databaseUrl, String yaml, Clock clock,
      SendLimits sendLimits) throws IOException {
    this.api = api;
    this.sendLimits = sendLimits;
    this.schema = schema;
    this.databaseUrl = databaseUrl;
    this.clock = clock;
    this.configFile = Files.createTempDirectory("rakorbot-test").resolve("rakorbot.yaml");
    Files.writeString(configFile, yaml);
    this.loader = Rakorbot.configLoader(Map.of("TELEGRAM_API_URL", api.url())::get);
  }

  public static BotHarness start() throws Exception {
    return start(CONFIG, Clock.systemUTC());
  }

  /** A bot with its own config file (use {@code ${TELEGRAM_API_URL}} for the API URL) and clock. */
  public static BotHarness start(String yaml, Clock clock) throws Exception {
    TestDatabase schema = TestDatabase.create();
    return start(schema, schema.url(), yaml, clock);
  }

  /**
   * A bot that sends within Telegram's real limits (every other harness relaxes them, so that tests do not
   * wait on real minutes): for the tests about those limits.
   */
  public static BotHarness startWithTelegramLimits(String yaml, Clock clock) throws Exception {
    TestDatabase schema = TestDatabase.create();
    return start(schema, schema.url(), yaml, clock, SendLimits.TELEGRAM);
  }

  /** A bot whose database connections go to {@code databaseUrl} (a proxy of {@code schema}'s server). */
  public static BotHarness start(TestDatabase schema, DatabaseUrl databaseUrl) throws Exception {
    return start(schema, databaseUrl, CONFIG, Clock.systemUTC());
  }

  /** A bot with its own config whose database connections go to {@code databaseUrl} (a proxy of {@code schema}'s server). */
  public static BotHarness start(TestDatabase schema, DatabaseUrl databaseUrl, String yaml, Clock clock) throws Exception {
    return start(schema, databaseUrl, yaml, clock, SendLimits.relaxed());
  }

  private static BotHarness start(TestDatabase schema, DatabaseUrl databaseUrl, String yaml, Clock clock, SendLimits limits)
      throws Exception {
    var harness = new BotHarness(new BotApiEmulator(), schema, databaseUrl, yaml, clock, limits);
    try {
      harness.startBot();
    } catch (Exception | Error e) {
      harness.close();
      throw e;
    }
    return harness;
  }

  /**
   * Waits until the bot has done all it was given: every update the emulator queued is taken and processed,
   * no reminder or digest trigger is due or firing, the outbox holds nothing unsent, and no call is being
   * answered. Checked twice, 50 ms apart, because a button's answer leaves just after its transaction commits.
   * A tally waiting for its edit is waited for; what comes later by itself (a trigger not
   * yet due, a timer's sweep) is not.
   */
  public void awaitQuiet() {
    int[] quietInARow = {0};
    Awaitility.await("the bot is quiet").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
      quietInARow[0] = quiet() ? quietInARow[0] + 1 : 0;
      return quietInARow[0] >= 2;
    });
  }

  private boolean quiet() {
    return api.idle() && jdbi().withHandle(h -> h.createQuery("""
        SELECT NOT EXISTS (SELECT 1 FROM inbox_update WHERE processed_at IS NULL)
           AND NOT EXISTS (SELECT 1 FROM qrtz_fired_triggers)
           AND NOT EXISTS (SELECT 1 FROM qrtz_triggers WHERE trigger_state IN ('WAITING', 'ACQUIRED')
                           AND next_fire_time <= :now)
           AND NOT EXISTS (SELECT 1 FROM rsvp_message WHERE dirty_since IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM outbox_message WHERE status = 'pending')""")
        .bind("now", System.currentTimeMillis()).mapTo(Boolean.class).one());
  }

  /** A second instance of the same bot: same database, same emulator, own scheduler and poller. */
  public Rakorbot startAnotherInstance(Database otherPool) throws Exception {
    return Rakorbot.start(loader, loader.load(configFile), otherPool, BotApiEmulator.TOKEN, clock, sendLimits);
  }

  private void startBot() throws Exception {
    database = Database.connect(databaseUrl, 10);
    bot = Rakorbot.start(loader, loader.load(configFile), database, BotApiEmulator.TOKEN, clock, sendLimits);
  }

  public void restart() throws Exception {
    restart(clock);
  }

  /** Stops the bot and starts it again on the same database, now running on {@code newClock}. */
  public void restart(Clock newClock) throws Exception {
    stopBot();
    clock = newClock;
    startBot();
  }

  /** Stops the bot without starting it again (a crash or a deploy in progress). */
  public void stop() {
    stopBot();
  }

  public void startAgain(Clock newClock) throws Exception {
    clock = newClock;
    startBot();
  }

  public Path configFile() {
    return configFile;
  }

  public DatabaseUrl databaseUrl() {
    return databaseUrl;
  }

  public TestDatabase schema() {
    return schema;
  }

  /**
   * Moves {@code clock} to {@code localWib} and re-plans onto it, as the quarter-hour beat would: a test starts
   * with a meeting announced well ahead, then jumps to seconds before its reminder.
   */
  public void jumpTo(TestClocks.Movable clock, String localWib) {
    clock.moveTo(java.time.ZonedDateTime.parse(localWib + "+07:00[Asia/Jakarta]").toInstant());
    bot.scheduler().replanNow();
  }

  /** The running bot (for a test that drives its scheduler on a simulated clock). */
  public Rakorbot rakorbot() {
    return bot;
  }

  public BotApiEmulator api() {
    return api;
  }

  /** The running bot's database. */
  public Jdbi jdbi() {
    return database.jdbi();
  }


  private void stopBot() {
    if (bot != null) {
      bot.close();
      bot = null;
    }
    if (database != null) {
      database.close();
      database = null;
    }
  }

  /** Stops everything; fails the test if the bot sent a text Telegram would have refused (bad HTML, too long). */
  @Override
  public void close() {
    stopBot();
    api.close();
    schema.close();
    List<String> refused = api.refusedTexts();
    if (!refused.isEmpty()) {
      throw new AssertionError("Telegram would have refused " + refused.size() + " text(s): " + refused);
    }
  }
}
