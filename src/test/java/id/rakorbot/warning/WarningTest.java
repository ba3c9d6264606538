package id.rakorbot.warning;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Early warnings over the emulator with fixed data: a count rule fires at the Nth report (not N−1, not again at
 * N+1), a higher rule escalates it, a trend rule, the alert listing its reports, /peringatan, the digest.
 */
class WarningTest {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final String CONFIG = BotHarness.CONFIG.replace("flood_max: 3", "flood_max: 100") + """
      peringatan_dini:
        - {id: tawuran_waspada, name: Potensi tawuran, categories: [tawuran], min_reports: 3, within_hours: 24, per: wilayah, level: waspada}
        - {id: tawuran_siaga, name: Potensi tawuran, categories: [tawuran], min_reports: 5, within_hours: 24, per: wilayah, level: siaga}
        - {id: narkoba_tren, name: Tren narkoba, categories: [narkoba], trend: {factor: 2, min_reports: 4}, level: waspada}
      """;

  @Test
  void countRulesFireOnceAndEscalateTrendsToo() throws Exception {
    var clock = new TestClocks.Movable(wib("2026-11-24T10:00"));
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      for (int i = 1; i <= 2; i++) {
        report(api, i, "tawuran Kumpul pelajar bawa senjata tajam ke-" + i + " #klojen");
      }
      report(api, 3, "tawuran Pelajar dari dua sekolah berkumpul #blimbing"); // another area: its own count
      bot.awaitQuiet();
      assertThat(warnings(api)).isEmpty(); // N−1: nothing
      report(api, 4, "tawuran Kumpul pelajar ke-3 #klojen");
      String waspada = api.awaitMessage(FORKOPIMDA, text -> text.contains("PERINGATAN DINI")).text();
      assertThat(waspada).contains("PERINGATAN DINI — WASPADA", "PD-2026-0001", "Potensi tawuran: 3 laporan tawuran di Klojen dalam 24 jam.",
          "LAP-2026-000001", "LAP-2026-000002", "LAP-2026-000004", "— Klojen").doesNotContain("LAP-2026-000003");

      report(api, 5, "tawuran Kumpul pelajar ke-4 #klojen"); // N+1 in the same window: no second alert
      bot.awaitQuiet();
      assertThat(warnings(api)).hasSize(1);
      report(api, 6, "tawuran Kumpul pelajar ke-5 #klojen"); // the siaga rule's fifth
      String siaga = api.awaitMessage(FORKOPIMDA, text -> text.contains("PERINGATAN DINI — SIAGA")).text();
      assertThat(siaga).contains("PD-2026-0002", "5 laporan tawuran di Klojen", "⬆️ Naik dari WASPADA (PD-2026-0001).", "LAP-2026-000006");
      report(api, 7, "tawuran Kumpul pelajar ke-6 #klojen");
      bot.awaitQuiet();
      assertThat(warnings(api)).hasSize(2);

      api.groupText(FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/peringatan");
      String list = api.awaitMessage(FORKOPIMDA, text -> text.contains("Peringatan dini aktif")).text();
      assertThat(list).contains("(1)", "PD-2026-0002 SIAGA Potensi tawuran — Klojen").doesNotContain("PD-2026-0001");

      // The trend rule: 8 narkoba reports in the last 7 days against 4 in the 4 weeks before (1 a week).
      bot.jdbi().useHandle(h -> {
        for (int i = 0; i < 4; i++) {
          insert(h, 900 + i, "narkoba", wib("2026-10-21T09:00").plus(Duration.ofDays(i * 7L)));
        }
        for (int i = 0; i < 8; i++) {
          insert(h, 950 + i, "narkoba", wib("2026-11-18T09:00").plus(Duration.ofHours(i * 12L)));
        }
        // Reports are never stored into past days, so the daily sums made by the first check are final; this
        // history was written afterwards, so let them be made again.
        h.execute("DELETE FROM report_day_category");
        h.execute("DELETE FROM report_day_area");
        h.execute("DELETE FROM report_day_done");
      });
      bot.rakorbot().warnings().checkNow();
      String trend = api.awaitMessage(FORKOPIMDA, text -> text.contains("Tren narkoba")).text();
      assertThat(trend).contains("PERINGATAN DINI — WASPADA", "PD-2026-0003", "8 laporan narkoba dalam 7 hari, 8,0× rata-rata 4 pekan sebelumnya (1,0 per pekan).",
          "LAP-T-957");
      bot.rakorbot().warnings().checkNow();

      api.groupText(FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/peringatan tutup PD-2026-0002 Patroli gabungan dikerahkan");
      assertThat(api.awaitMessage(FORKOPIMDA, text -> text.contains("ditutup")).text()).contains("PD-2026-0002 ditutup");
      api.groupText(FORKOPIMDA, "Forkopimda", CAMAT, "Heri", "/peringatan tutup PD-2026-0003 oke");
      api.awaitMessage(FORKOPIMDA, text -> text.contains("hanya untuk admin"));

      api.groupText(FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/rekap");
      String digest = api.awaitAnswer(FORKOPIMDA, ADMIN, text -> text.contains("Peringatan dini pekan ini")).text();
      assertThat(digest).contains("🚨 <b>Peringatan dini pekan ini</b>: 3", "PD-2026-0001 WASPADA Potensi tawuran — Klojen",
          "PD-2026-0003 WASPADA Tren narkoba — kategori narkoba");
      bot.awaitQuiet();
      assertThat(warnings(api)).hasSize(3);
    }
  }

  /** A rule per region: reports of two areas of one region add up; an area of the other region does not. */
  @Test
  void aRegionRuleCountsTheAreasOfItsRegion() throws Exception {
    String config = BotHarness.CONFIG.replace("areas: [Klojen, Kauman, Blimbing]", "regions: {Kota Malang: [Klojen, Kauman], Kabupaten Malang: [Blimbing]}")
        + """
        peringatan_dini:
          - {id: konflik_region, name: Konflik sosial, categories: [konflik_sosial], min_reports: 2, within_hours: 24, per: region, level: siaga}
        """;
    try (BotHarness bot = BotHarness.start(config, new TestClocks.Movable(wib("2026-11-24T10:00")))) {
      BotApiEmulator api = bot.api();
      report(api, 1, "konflik Ketegangan antarwarga #klojen");
      report(api, 2, "konflik Ketegangan di perbatasan #blimbing"); // Kabupaten Malang: its own count
      bot.awaitQuiet();
      assertThat(warnings(api)).isEmpty();
      report(api, 3, "konflik Ketegangan berlanjut #kauman");
      assertThat(api.awaitMessage(FORKOPIMDA, text -> text.contains("PERINGATAN DINI")).text())
          .contains("SIAGA", "2 laporan konflik_sosial di Kota Malang dalam 24 jam.", "LAP-2026-000001", "LAP-2026-000003")
          .doesNotContain("LAP-2026-000002");
    }
  }

  private static List<String> warnings(BotApiEmulator api) {
    return api.messagesTo(FORKOPIMDA).stream().map(BotApiEmulator.Call::text).filter(t -> t.contains("PERINGATAN DINI")).toList();
  }

  private static void report(BotApiEmulator api, int nth, String text) {
    api.privateText(CAMAT, "Heri", "/lapor " + text);
    api.awaitMessage(CAMAT, reply -> reply.contains("LAP-2026-" + String.format("%06d", nth)));
  }

  private static void insert(org.jdbi.v3.core.Handle h, int id, String category, Instant at) {
    h.createUpdate("""
            INSERT INTO report (id, number, reporter_id, reporter_name, chat_id, category, severity, area, description, created_at)
            VALUES (:id, 'LAP-T-' || :id, 9, 'Siti', 9, :category, 'normal', 'Kauman', 'uji', :at)""")
        .bind("id", id).bind("category", category).bind("at", at).execute();
  }

  private static Instant wib(String local) {
    return LocalDateTime.parse(local).atZone(WIB).toInstant();
  }
}
