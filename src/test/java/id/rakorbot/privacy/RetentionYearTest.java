package id.rakorbot.privacy;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.LURAH;
import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Rakorbot;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.digest.Digests;
import id.rakorbot.digest.Week;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import id.rakorbot.support.TestDatabase;
import id.rakorbot.storage.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A regency's year on a simulated clock, with retention set short: 200 reporters sending 2 reports a day each
 * (146,000 reports), their Telegram updates and the bot's replies, and the forums' traffic (reminders, tallies and
 * RSVP presses of 40 officials). The traffic is written in bulk with the shape of the bot's own rows — 146,000
 * reports through the emulator would take most of an hour — and the running bot applies retention each simulated
 * day, with a restart halfway. Also measured: the database's size at the end, with retention and without.
 */
class RetentionYearTest {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
  private static final int DAYS = 365;
  private static final int REPORTERS = 200;
  private static final int REPORTS_PER_REPORTER = 2;
  private static final Duration UPDATES = Duration.ofDays(7);
  private static final Duration MESSAGES = Duration.ofDays(30);
  private static final Duration REPORTS = Duration.ofDays(90);
  private static final Duration PHOTOS = Duration.ofDays(30);

  static final String CONFIG = BotHarness.CONFIG + """
      data_protection:
        retention: {updates: 7d, messages: 30d, reports: 90d, photos: 30d, sessions: 30d}
      """;

  @Test
  void aYearOfTrafficStaysWithinItsRetentionAndTheFiguresStay() throws Exception {
    var clock = new TestClocks.Movable(FIRST.atTime(0, 30).atZone(WIB).toInstant());
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      // One real report through the bot, put under legal hold by the admin: kept whole all year.
      api.privateText(LURAH, "Siti", "/lapor narkoba Gudang pil di belakang pasar #Kauman");
      String held = number(api.awaitMessage(LURAH, t -> t.contains("LAP-")).text());
      api.privateText(ADMIN, "Rina", "/tutup " + held + " Diserahkan ke Satresnarkoba");
      api.privateText(ADMIN, "Rina", "/tahan " + held + " Perkara LP/A/9/I/2026");
      api.awaitMessage(ADMIN, t -> t.contains("ditahan"));
      bot.awaitQuiet();

      RakorbotConfig config = Rakorbot.configLoader(Map.of("TELEGRAM_API_URL", api.url())::get).load(bot.configFile());
      Week week = Week.containing(LocalDate.of(2026, 3, 11).atStartOfDay(WIB).toInstant(), WIB); // 2026-W11
      String digestBefore = null;
      for (int day = 0; day < DAYS; day++) {
        LocalDate date = FIRST.plusDays(day);
        Instant now = date.atTime(0, 30).atZone(WIB).toInstant();
        clock.moveTo(now);
        if (day == DAYS / 2) {
          bot.restart(clock);
        }
        traffic(bot.jdbi(), date.minusDays(1)); // yesterday's traffic, then today's sweep
        // The bot's own pruning loop may hold the pruning lock this very moment (then this call prunes nothing):
        // prune until the day's window holds, as the loop itself would within its hour.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
          bot.rakorbot().telegram().pruneInbox();
          return count(bot.jdbi(), "SELECT count(*) FROM inbox_update WHERE processed_at IS NOT NULL AND received_at < '"
              + now.minus(UPDATES) + "'") == 0;
        });
        bot.rakorbot().privacy().retention().runDue(); // empty when the loop, just restarted, swept the day first
        assertThat(bot.rakorbot().privacy().retention().runDue()).as("a second run the same day").isEmpty();
          assertWithinRetention(bot.jdbi(), now);
        if (date.equals(week.sunday().plusDays(2))) {
          digestBefore = digest(bot.jdbi(), config, week, clock);
        }
      }
      long days = count(bot.jdbi(), "SELECT count(*) FROM retention_run");
      assertThat(days).as("the loop ran once a day, across the restart").isEqualTo(DAYS);
      assertThat(count(bot.jdbi(), "SELECT count(DISTINCT day) FROM retention_run")).isEqualTo(DAYS);

      Instant end = clock.instant();
      assertThat(count(bot.jdbi(), "SELECT count(*) FROM report")).isEqualTo(1L + (long) DAYS * REPORTERS * REPORTS_PER_REPORTER);
      assertThat(count(bot.jdbi(), "SELECT count(*) FROM report WHERE created_at < now() AND anonymised_at IS NULL AND created_at < '"
          + end.minus(REPORTS).minus(Duration.ofDays(1)) + "' AND status <> 'open' AND held_at IS NULL")).isZero();
      assertThat(count(bot.jdbi(), "SELECT count(*) FROM report WHERE anonymised_at IS NOT NULL AND (reporter_id <> 0 OR description <> ''"
          + " OR reporter_name <> '' OR latitude IS NOT NULL OR photo_file_id IS NOT NULL)")).isZero();
      assertThat(count(bot.jdbi(), "SELECT count(*) FROM report WHERE status = 'open' AND NOT nihil AND anonymised_at IS NULL AND description <> ''"))
          .as("open reports are kept whole").isEqualTo((long) DAYS * 4);
      assertThat(count(bot.jdbi(), "SELECT count(*) FROM report WHERE photo_file_id IS NOT NULL AND created_at < '"
          + end.minus(PHOTOS).minus(Duration.ofDays(1)) + "' AND status <> 'open' AND held_at IS NULL")).as("photos past retention").isZero();
      String heldReport = bot.jdbi().withHandle(h -> h.createQuery("SELECT description || '|' || reporter_id FROM report WHERE number = :n")
          .bind("n", held).mapTo(String.class).one());
      assertThat(heldReport).as("the held report").isEqualTo("Gudang pil di belakang pasar|" + LURAH);

      String digestAfter = digest(bot.jdbi(), config, week, clock);
      assertThat(count(bot.jdbi(), "SELECT count(*) FROM report WHERE created_at < '" + week.end()
          + "' AND created_at >= '" + week.start() + "' AND anonymised_at IS NULL AND status <> 'open'")).as("its reports are anonymised").isZero();
      assertThat(digestAfter).as("the digest of 2026-W11 after its reports were anonymised").isEqualTo(digestBefore);
      assertThat(digestBefore).contains("<b>Laporan masuk: 2744</b>", "Narkoba: 504", "ditutup 2716"); // 2,800 a week less 56 nihil

      long withRetention = size(bot.jdbi());
      long withoutRetention = sizeWithoutRetention();
      System.out.printf("Database after a simulated year (%,d reports, %,d updates, %,d messages), compacted: %,d MB with retention, %,d MB without (%.1fx)%n",
          (long) DAYS * REPORTERS * REPORTS_PER_REPORTER, (long) DAYS * dailyUpdates(), (long) DAYS * dailyMessages(),
          withRetention >> 20, withoutRetention >> 20, (double) withoutRetention / withRetention);
      assertThat(withRetention).isLessThan(withoutRetention);
    }
  }

  /** The invariants right after a day's sweep. */
  private static void assertWithinRetention(Jdbi jdbi, Instant now) {
    assertThat(count(jdbi, "SELECT count(*) FROM inbox_update WHERE processed_at IS NOT NULL AND received_at < '" + now.minus(UPDATES) + "'"))
        .as("updates older than 7 days at " + now).isZero();
    assertThat(count(jdbi, "SELECT count(*) FROM outbox_message WHERE status <> 'pending' AND created_at < '" + now.minus(MESSAGES) + "'"))
        .as("messages older than 30 days at " + now).isZero();
  }

  private static int dailyUpdates() {
    return REPORTERS * REPORTS_PER_REPORTER + 40;
  }

  private static int dailyMessages() {
    return REPORTERS * REPORTS_PER_REPORTER + 6;
  }

  /**
   * One day of traffic: each reporter's two reports (in turn over the categories and the three areas; every 25th
   * with a photo, every 4th with a place, one in a hundred left open, every 50th a nihil), the update each came in and
   * the reply each got, and the forums' share: 40 RSVP presses and 6 reminders or tally edits.
   */
  static void traffic(Jdbi jdbi, LocalDate day) {
    Instant start = day.atStartOfDay(WIB).toInstant();
    jdbi.useTransaction(h -> {
      h.createUpdate("""
          INSERT INTO report (id, number, reporter_id, reporter_name, chat_id, category, severity, area, description, nihil,
                              photo_file_id, latitude, longitude, status, created_at)
          SELECT nextval('report_id_seq'), 'LAP-SIM-' || :day || '-' || i, 700000 + i % :reporters, 'Pelapor ' || (i % :reporters),
                 700000 + i % :reporters, (ARRAY['narkoba','pencurian','tawuran','bencana','konflik_sosial'])[1 + i % 5],
                 (ARRAY['normal','normal','waspada'])[1 + i % 3], (ARRAY['Klojen','Kauman','Blimbing'])[1 + i % 3],
                 CASE WHEN i % 50 = 0 THEN 'Nihil' ELSE 'Uraian kejadian ' || i || ' oleh Pelapor ' || (i % :reporters) || ', Jl. Merdeka' END,
                 i % 50 = 0, CASE WHEN i % 25 = 0 THEN 'AgACAgUAAxkBAAI' || i END,
                 CASE WHEN i % 4 = 0 THEN -7.98 END, CASE WHEN i % 4 = 0 THEN 112.63 END,
                 CASE WHEN i % 100 = 1 THEN 'open' WHEN i % 50 = 0 THEN 'open' ELSE 'closed' END,
                 CAST(:start AS timestamptz) + make_interval(secs => i * 86000.0 / :n)
          FROM generate_series(1, :n) AS i""")
          .bind("day", day.toString()).bind("reporters", REPORTERS).bind("n", REPORTERS * REPORTS_PER_REPORTER).bind("start", start).execute();
      h.createUpdate("""
          INSERT INTO inbox_update (update_id, payload, received_at, processed_at)
          SELECT u, jsonb_build_object('update_id', u, 'message', jsonb_build_object('message_id', u,
                   'from', jsonb_build_object('id', 700000 + i % :reporters, 'is_bot', false, 'first_name', 'Pelapor ' || (i % :reporters)),
                   'chat', jsonb_build_object('id', 700000 + i % :reporters, 'type', 'private'), 'date', 0,
                   'text', '/lapor narkoba Uraian kejadian ' || i || ' oleh Pelapor ' || (i % :reporters) || ', Jl. Merdeka #Klojen')),
                 t, t
          FROM (SELECT i, (SELECT coalesce(max(update_id), 0) FROM inbox_update) + i AS u,
                       CAST(:start AS timestamptz) + make_interval(secs => i * 86000.0 / :n) AS t
                FROM generate_series(1, :n) AS i) g""")
          .bind("reporters", REPORTERS).bind("n", dailyUpdates()).bind("start", start).execute();
      h.createUpdate("""
          INSERT INTO outbox_message (chat_id, method, payload, status, attempts, created_at, sent_at, telegram_message_id)
          SELECT CASE WHEN i <= :replies THEN 700000 + i % :reporters ELSE -1001000000001 END,
                 CASE WHEN i <= :replies THEN 'sendMessage' ELSE 'editMessageText' END,
                 jsonb_build_object('chat_id', 700000 + i % :reporters, 'parse_mode', 'HTML',
                   'text', '✅ Laporan LAP-SIM-' || i || ' diterima. Terima kasih, Pelapor ' || (i % :reporters) || '. Kategori Narkoba, wilayah Klojen.'),
                 'sent', 1, t, t, i
          FROM (SELECT i, CAST(:start AS timestamptz) + make_interval(secs => i * 86000.0 / :n) AS t FROM generate_series(1, :n) AS i) g""")
          .bind("replies", REPORTERS * REPORTS_PER_REPORTER).bind("reporters", REPORTERS).bind("n", dailyMessages()).bind("start", start).execute();
    });
  }

  private static String digest(Jdbi jdbi, RakorbotConfig config, Week week, TestClocks.Movable clock) {
    var sessions = new Sessions(new CurrentConfig(config), clock);
    return jdbi.inTransaction(h -> String.join("\n\n", Digests.build(h, config, config.groupById("forkopimda").orElseThrow(), week, sessions).parts()));
  }

  /** The same year with no retention at all, in a schema of its own (written in one go: nothing to check day by day). */
  private static long sizeWithoutRetention() {
    try (TestDatabase schema = TestDatabase.create(); Database database = Database.connect(schema.url(), 2)) {
      for (int day = 0; day < DAYS; day++) {
        traffic(database.jdbi(), FIRST.plusDays(day).minusDays(1));
      }
      return size(database.jdbi());
    }
  }

  /**
   * What the schema's tables take once compacted (VACUUM FULL): the data itself, not the free space deletes and the
   * anonymising updates leave for PostgreSQL to reuse.
   */
  private static long size(Jdbi jdbi) {
    return jdbi.withHandle(h -> {
      for (String table : h.createQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").mapTo(String.class).list()) {
        h.execute("VACUUM FULL \"" + table + "\"");
      }
      return h.createQuery("""
          SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind = 'r'""").mapTo(Long.class).one();
    });
  }

  private static long count(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static String number(String text) {
    Matcher m = Pattern.compile("LAP-\\d{4}-\\d{6}").matcher(text);
    assertThat(m.find()).isTrue();
    return m.group();
  }

}
