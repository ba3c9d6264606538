package id.rakorbot.support;

import id.rakorbot.Rakorbot;
import id.rakorbot.config.ConfigLoader;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.storage.Database;
import id.rakorbot.storage.DatabaseUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * A whole bot for end-to-end tests: the Bot API emulator, a clean schema, and Rakorbot wired exactly as in
 * production, polling the emulator with one-second long polls. {@link #restart} stops and starts the bot on
 * the same database, as a crash and a new deploy would.
 */
public final class BotHarness implements AutoCloseable {

  public static final long ADMIN = 100000001;
  public static final long CAMAT = 100000004;
  public static final long FORKOPIMDA = -1001000000001L;
  public static final long CAMAT_LURAH = -1001000000003L;
  public static final long FKUB_BASIC_GROUP = -400123;

  public static final String CONFIG = """
      bot:
        time_zone: Asia/Jakarta
      telegram:
        api_url: ${TELEGRAM_API_URL}
        poll_timeout_seconds: 1
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
          roles: [pelapor]
          groups: [camat_lurah]
      """;

  private final BotApiEmulator api;
  private final TestDatabase schema;
  private final DatabaseUrl databaseUrl;
  private final RakorbotConfig config;
  private Database database;
  private Rakorbot bot;

  private BotHarness(BotApiEmulator api, TestDatabase schema, DatabaseUrl databaseUrl) {
    this.api = api;
    this.schema = schema;
    this.databaseUrl = databaseUrl;
    this.config = new ConfigLoader(Map.of("TELEGRAM_API_URL", api.url())::get).parse(Path.of("test.yaml"), CONFIG);
  }

  public static BotHarness start() throws Exception {
    TestDatabase schema = TestDatabase.create();
    return start(schema, schema.url());
  }

  /** A bot whose database connections go to {@code databaseUrl} (a proxy of {@code schema}'s server). */
  public static BotHarness start(TestDatabase schema, DatabaseUrl databaseUrl) throws Exception {
    var harness = new BotHarness(new BotApiEmulator(), schema, databaseUrl);
    harness.startBot();
    return harness;
  }

  private void startBot() throws Exception {
    database = Database.connect(databaseUrl, 4);
    bot = Rakorbot.start(config, database, BotApiEmulator.TOKEN, Clock.systemUTC());
  }

  public void restart() throws Exception {
    stopBot();
    startBot();
  }

  public BotApiEmulator api() {
    return api;
  }

  public Jdbi jdbi() {
    return database.jdbi();
  }

  public RakorbotConfig config() {
    return config;
  }

  private void stopBot() {
    if (bot != null) {
      bot.close();
      database.close();
      bot = null;
    }
  }

  @Override
  public void close() {
    stopBot();
    api.close();
    schema.close();
  }
}
