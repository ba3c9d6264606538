package id.rakorbot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Main;
import id.rakorbot.Rakorbot;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.digest.Digests;
import id.rakorbot.digest.Week;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * backup, then restore into an empty database, gives the same counts and the same digest, on an external PostgreSQL
 * and on the embedded default; a database that holds tables is refused; a sealed backup needs its passphrase.
 */
class BackupTest {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final Week WEEK = Week.containing(LocalDate.of(2026, 11, 18).atStartOfDay(WIB).toInstant(), WIB);

  @Test
  void anExternalDatabaseIsBackedUpAndRestoredIntoAnEmptyOneOnly(@TempDir Path dir) throws Exception {
    Path config = config(dir, "database:\n  url: ${DATABASE_URL}\n");
    try (TestDatabase.Whole source = TestDatabase.createDatabase(); TestDatabase.Whole target = TestDatabase.createDatabase()) {
      fill(source.url());
      Path file = dir.resolve("cadangan").resolve("rakorbot.dump");
      Cli backup = run(Map.of("DATABASE_URL", source.jdbcUrlWithCredentials()), "backup", "--config", config.toString(), "--out", file.toString());
      assertThat(backup.exit()).as(backup.err()).isZero();
      assertThat(backup.out()).contains("Cadangan ditulis: " + file, "report: 300");
      assertThat(Files.readAllBytes(file)).startsWith("PGDMP".getBytes()); // pg_dump's custom format

      Cli restore = run(Map.of("DATABASE_URL", target.jdbcUrlWithCredentials()), "restore", "--config", config.toString(), file.toString());
      assertThat(restore.exit()).as(restore.err()).isZero();
      assertThat(restore.out()).contains("dipulihkan", "report: 300");
      assertSame(source.url(), target.url(), config);

      Cli again = run(Map.of("DATABASE_URL", target.jdbcUrlWithCredentials()), "restore", "--config", config.toString(), file.toString());
      assertThat(again.exit()).isEqualTo(2);
      assertThat(again.err()).contains("Database tujuan tidak kosong", "database kosong");
      assertThat(counts(target.url()).get("report")).isEqualTo(300L);
    }
  }

  @Test
  void aSealedBackupNeedsItsPassphrase(@TempDir Path dir) throws Exception {
    Path config = config(dir, "database:\n  url: ${DATABASE_URL}\n");
    try (TestDatabase.Whole source = TestDatabase.createDatabase(); TestDatabase.Whole wrong = TestDatabase.createDatabase();
        TestDatabase.Whole target = TestDatabase.createDatabase()) {
      fill(source.url());
      Path file = dir.resolve("rakorbot.dump.aes");
      Cli backup = run(Map.of("DATABASE_URL", source.jdbcUrlWithCredentials(), Backups.PASSPHRASE_VARIABLE, "kata sandi panjang"),
          "backup", "--config", config.toString(), "--out", file.toString());
      assertThat(backup.exit()).as(backup.err()).isZero();
      assertThat(backup.out()).contains("terenkripsi");
      assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("RAKORBOT-BACKUP-AES1")
          .doesNotContain("PGDMP", "Uraian kejadian");

      Cli without = run(Map.of("DATABASE_URL", wrong.jdbcUrlWithCredentials()), "restore", "--config", config.toString(), file.toString());
      assertThat(without.exit()).isEqualTo(2);
      assertThat(without.err()).contains("terenkripsi", Backups.PASSPHRASE_VARIABLE);
      Cli mistyped = run(Map.of("DATABASE_URL", wrong.jdbcUrlWithCredentials(), Backups.PASSPHRASE_VARIABLE, "kata sandi salah"),
          "restore", "--config", config.toString(), file.toString());
      assertThat(mistyped.exit()).isEqualTo(2);
      assertThat(mistyped.err()).contains("kata sandi cadangan salah");

      Cli restore = run(Map.of("DATABASE_URL", target.jdbcUrlWithCredentials(), Backups.PASSPHRASE_VARIABLE, "kata sandi panjang"),
          "restore", "--config", config.toString(), file.toString());
      assertThat(restore.exit()).as(restore.err()).isZero();
      assertSame(source.url(), target.url(), config);
    }
  }

  @Test
  void theEmbeddedDefaultIsBackedUpWithTheSameMajorVersionsTools(@TempDir Path dir) throws Exception {
    Path first = config(dir, "database:\n  embedded_data_dir: " + dir.resolve("data-a") + "\n");
    Path second = config(dir.resolve("b"), "database:\n  embedded_data_dir: " + dir.resolve("data-b") + "\n");
    RakorbotConfig loaded = load(first);
    try (Database database = Database.open(loaded.database())) {
      fillWith(database.jdbi());
    }
    Path file = dir.resolve("bawaan.dump");
    Cli backup = run(Map.of(), "backup", "--config", first.toString(), "--out", file.toString());
    assertThat(backup.exit()).as(backup.err()).isZero();
    Cli restore = run(Map.of(), "restore", "--config", second.toString(), file.toString());
    assertThat(restore.exit()).as(restore.err()).isZero();
    assertThat(restore.out()).contains("database bawaan", "report: 300");

    Map<String, Long> before;
    String digestBefore;
    try (Database a = Database.open(loaded.database())) {
      before = Backups.counts(a.jdbi());
      digestBefore = digest(a.jdbi(), loaded);
    }
    try (Database b = Database.open(load(second).database())) {
      Map<String, Long> after = Backups.counts(b.jdbi());
      assertThat(after.get("audit_log")).isEqualTo(before.get("audit_log") + 1); // the restore itself
      after.remove("audit_log");
      before.remove("audit_log");
      assertThat(after).isEqualTo(before);
      assertThat(digest(b.jdbi(), loaded)).isEqualTo(digestBefore).contains("Laporan masuk: 100");
    }
    Cli refused = run(Map.of(), "restore", "--config", second.toString(), file.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("tidak kosong");
  }

  /** Counts equal but for the restore's own audit row, and the same digest text. */
  private static void assertSame(id.rakorbot.config.DatabaseUrl source, id.rakorbot.config.DatabaseUrl target, Path config) {
    Map<String, Long> before = counts(source);
    Map<String, Long> after = counts(target);
    assertThat(after.get("audit_log")).isEqualTo(before.get("audit_log") + 1);
    before.remove("audit_log");
    after.remove("audit_log");
    assertThat(after).isEqualTo(before);
    assertThat(before.get("report")).isEqualTo(300L);
    RakorbotConfig loaded = load(config);
    String text = digest(Database.unpooled(source), loaded);
    assertThat(digest(Database.unpooled(target), loaded)).isEqualTo(text).contains("Laporan masuk: 100");
  }

  private static Map<String, Long> counts(id.rakorbot.config.DatabaseUrl url) {
    return new LinkedHashMap<>(Backups.counts(Database.unpooled(url)));
  }

  private static void fill(id.rakorbot.config.DatabaseUrl url) {
    try (Database database = Database.connect(url, 2)) {
      fillWith(database.jdbi());
    }
  }

  /** 300 reports over three weeks up to the digest's week, an audit row, a message sent, an update processed. */
  private static void fillWith(Jdbi jdbi) {
    Instant end = WEEK.end();
    jdbi.useTransaction(h -> {
      h.createUpdate("""
          INSERT INTO report (id, number, reporter_id, reporter_name, chat_id, category, severity, area, description, status, created_at)
          SELECT nextval('report_id_seq'), 'LAP-2026-' || lpad(i::text, 6, '0'), 700000 + i % 20, 'Pelapor ' || (i % 20), -1,
                 (ARRAY['narkoba','pencurian','tawuran'])[1 + i % 3], (ARRAY['normal','waspada','siaga'])[1 + i % 3],
                 (ARRAY['Klojen','Kauman','Blimbing'])[1 + i % 3], 'Uraian kejadian ' || i, 'closed',
                 CAST(:end AS timestamptz) - make_interval(secs => i * 3 * 7 * 86400.0 / 301)
          FROM generate_series(1, 300) AS i""").bind("end", end).execute();
      h.execute("INSERT INTO outbox_message (chat_id, method, payload, status) VALUES (-1001000000001, 'sendMessage', '{\"text\": \"Rekap\"}', 'sent')");
      h.execute("INSERT INTO inbox_update (update_id, payload, processed_at) VALUES (1, '{\"update_id\": 1}', now())");
      h.execute("""
          INSERT INTO audit_person (user_id, name) VALUES (100000001, 'Rina Wulandari');
          INSERT INTO audit_log (at, source, origin, actor_ref, action, subject) VALUES (now(), 'chat', 'chat pribadi', 1, 'laporan.tutup', 'LAP-2026-000001')""");
    });
  }

  private static String digest(Jdbi jdbi, RakorbotConfig config) {
    var sessions = new Sessions(new CurrentConfig(config), Clock.systemUTC());
    return jdbi.inTransaction(h -> String.join("\n\n",
        Digests.build(h, config, config.groupById("forkopimda").orElseThrow(), WEEK, sessions).parts()));
  }

  private static Path config(Path dir, String database) throws Exception {
    Files.createDirectories(dir);
    Path file = dir.resolve("rakorbot.yaml");
    Files.writeString(file, BotHarness.CONFIG + database);
    return file;
  }

  private static RakorbotConfig load(Path config) {
    // The digest reads the database it is given; the URL here only lets the file load.
    return Rakorbot.configLoader(Map.of("TELEGRAM_API_URL", "http://127.0.0.1:9", "DATABASE_URL", "postgresql://unused@127.0.0.1/unused")::get)
        .load(config);
  }

  private record Cli(int exit, String out, String err) {}

  private static Cli run(Map<String, String> extra, String... args) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("TELEGRAM_API_URL", "http://127.0.0.1:9");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, env::get, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(exit, out.toString(), err.toString());
  }
}
