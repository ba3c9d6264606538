package id.rakorbot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Rakorbot;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.storage.Database;
import id.rakorbot.support.PdfPages;
import id.rakorbot.support.TestDatabase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The digest's numbers on real PostgreSQL with fixed data: counts, changes, hotspots, silence, attendance, weeks. */
class DigestTest {

  private static final String CONFIG = """
      groups:
        - {id: forkopimda, chat_id: -1001, name: Forkopimda Kota Malang, region: Kota Malang}
        - {id: timur, chat_id: -1002, name: Forkopimda Wilayah Timur, time_zone: Asia/Makassar}
      roster:
        - {user_id: 1, name: Rina, roles: [admin, peserta], groups: [forkopimda]}
        - {user_id: 2, name: Bambang, roles: [peserta], groups: [forkopimda]}
        - {user_id: 3, name: Arief, roles: [peserta], groups: [forkopimda]}
        - {user_id: 4, name: Dewi, roles: [peserta], groups: [forkopimda]}
        - {user_id: 5, name: Heri, roles: [pelapor], groups: [forkopimda]}
      schedules:
        - {id: rakor, title: Rakor PKS, kind: rakor, groups: [forkopimda], mode: hybrid, link: "https://zoom.us/j/1", time: "09:00", repeat: {every: week, weekday: rabu}}
      reports:
        categories:
          - {key: narkoba, label: Narkoba}
          - {key: tawuran, label: Tawuran}
          - {key: pencurian, label: Pencurian}
        areas: [Klojen, Sukun, Blimbing, Lowokwaru, Kedungkandang]
      digest: {hotspot_reports: 3}
      """;
  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static TestDatabase schema;
  private static Database database;
  private static RakorbotConfig config;
  private static Sessions sessions;

  @BeforeAll
  static void seed() {
    schema = TestDatabase.create();
    database = Database.connect(schema.url(), 2);
    config = Rakorbot.configLoader(Map.<String, String>of()::get).parse(Path.of("test.yaml"), CONFIG);
    sessions = new Sessions(new CurrentConfig(config), Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), WIB));
    database.jdbi().useHandle(h -> {
      // Week 2026-W47 is Monday 16 to Sunday 22 November; W46 the week before; W42-W46 the four before it.
      report(h, "2026-11-16T08:00", "narkoba", "normal", "Klojen", false);
      report(h, "2026-11-17T08:00", "narkoba", "siaga", "Klojen", false);
      report(h, "2026-11-18T08:00", "narkoba", "normal", "Klojen", false);
      report(h, "2026-11-19T08:00", "tawuran", "awas", "Sukun", false);
      report(h, "2026-11-20T08:00", "nihil", "normal", "Blimbing", true);
      report(h, "2026-11-22T23:30", "narkoba", "normal", "Sukun", false); // Sunday 23:30 WIB = Monday 00:30 WITA
      report(h, "2026-11-10T08:00", "narkoba", "normal", "Klojen", false); // W46
      report(h, "2026-11-11T08:00", "pencurian", "normal", "Klojen", false); // W46, none in W47: "to 0"
      report(h, "2026-11-03T08:00", "narkoba", "normal", "Klojen", false); // W45
      report(h, "2026-10-13T08:00", "narkoba", "normal", "Klojen", false); // W42: outside the four weeks (W43-W46)
      report(h, "2026-10-06T08:00", "narkoba", "normal", "Klojen", false); // W41: formulas typed into the description
      h.createUpdate("UPDATE report SET description = '=HYPERLINK(\"http://x.example/\";\"klik\")', area = '@SUM(A1)',"
          + " latitude = -7.98, longitude = 112.63 WHERE created_at < '2026-10-10'").execute();
      h.createUpdate("UPDATE report SET status = 'closed' WHERE area = 'Sukun' AND category = 'tawuran'").execute();
      long occurrence = h.createQuery("""
              INSERT INTO schedule_occurrence (schedule_id, starts_at) VALUES ('rakor', :at) RETURNING id""")
          .bind("at", LocalDateTime.parse("2026-11-18T09:00").atZone(WIB).toInstant()).mapTo(Long.class).one();
      answer(h, occurrence, 1, "hadir");
      answer(h, occurrence, 2, "daring");
      answer(h, occurrence, 3, "diwakilkan");
    });
  }

  @AfterAll
  static void drop() {
    database.close();
    schema.close();
  }

  private static int seq;

  private static void report(Handle h, String localTime, String category, String severity, String area, boolean nihil) {
    int id = ++seq;
    h.createUpdate("""
            INSERT INTO report (id, number, reporter_id, reporter_name, chat_id, category, severity, area, description, nihil, created_at)
            VALUES (:id, :number, 9, 'Siti Aminah', 9, :category, :severity, :area, 'Uraian dengan huruf é dan “kutip”; titik koma', :nihil, :at)""")
        .bind("id", id).bind("number", String.format("LAP-2026-%06d", id)).bind("category", category).bind("severity", severity)
        .bind("area", area).bind("nihil", nihil).bind("at", LocalDateTime.parse(localTime).atZone(WIB).toInstant()).execute();
  }

  private static void answer(Handle h, long occurrence, long user, String answer) {
    h.createUpdate("INSERT INTO rsvp_answer (occurrence_id, user_id, answer) VALUES (:o, :u, :a)")
        .bind("o", occurrence).bind("u", user).bind("a", answer).execute();
  }

  private static DigestData data(String group, String week) {
    var g = config.groupById(group).orElseThrow();
    return database.jdbi().inTransaction(h -> DigestQueries.load(h, config, g, Week.parse(week, g.zone(WIB)), sessions));
  }

  @Test
  void countsAndChangesAreExact() {
    DigestData d = data("forkopimda", "2026-W47");

    assertThat(d.total()).isEqualTo(5);
    assertThat(d.totalLastWeek()).isEqualTo(2);
    assertThat(d.categories()).extracting(DigestData.CategoryCount::key, DigestData.CategoryCount::thisWeek,
        DigestData.CategoryCount::lastWeek, DigestData.CategoryCount::lastFourWeeks).containsExactly(
        org.assertj.core.groups.Tuple.tuple("narkoba", 4L, 1L, 2L),
        org.assertj.core.groups.Tuple.tuple("tawuran", 1L, 0L, 0L),
        org.assertj.core.groups.Tuple.tuple("pencurian", 0L, 1L, 1L));
    String text = DigestText.render(d, 3);
    // Bases below 5 give counts, not percentages: "+700 %" against 0,8 a week alarmed the field trial.
    assertThat(text).contains("<b>Laporan masuk: 5</b> — ▲ 3 dibanding pekan lalu (2); ▲ 4,3 dibanding rata-rata 4 pekan (0,8)",
        "• Narkoba: 4 — ▲ 3; 4 pekan: ▲ 3,5",
        "• Tawuran: 1 — ▲ 1 (baru); 4 pekan: ▲ (baru)",
        "• Pencurian: 0 — ▼ 1; 4 pekan: ▼ 0,3",
        "<b>Tingkat</b>: normal 3 · waspada 0 · siaga 1 · awas 1",
        "<b>Status</b>: terbuka 4 · ditutup 1");
  }

  @Test
  void hotspotsAndSilentAreasAreNamed() {
    DigestData d = data("forkopimda", "2026-W47");
    String text = DigestText.render(d, 3);

    assertThat(text).contains("<b>Wilayah terbanyak</b>: Klojen 3, Sukun 2",
        "⚠️ <b>Wilayah rawan</b>: Klojen (3 laporan), Sukun (2 laporan, ada status awas)",
        "Melapor: Klojen, Sukun", "Hanya nihil: Blimbing", "🔕 Tanpa laporan sama sekali: Lowokwaru, Kedungkandang");
  }

  @Test
  void attendanceAndTheComingWeekAreListed() {
    String text = DigestText.render(data("forkopimda", "2026-W47"), 3);

    assertThat(text).contains("• Rakor PKS, Rabu, 18 November 2026: hadir 1 · daring 1 · diwakilkan 1 · berhalangan 0 · tanpa kabar 1",
        "<b>Akan datang</b> (s.d. Minggu, 29 November 2026)\n• Rabu, 25 November 2026 pukul 09.00 WIB — Rakor PKS");
  }

  @Test
  void theWeekEndsAtMidnightInTheGroupsOwnZone() {
    DigestData wib = data("forkopimda", "2026-W47");
    DigestData wita = data("timur", "2026-W47");
    DigestData witaNext = data("timur", "2026-W48");

    assertThat(wib.total()).isEqualTo(5); // Sunday 23:30 WIB is still W47 in WIB
    assertThat(wita.total()).isEqualTo(4); // ... but Monday 00:30 in WITA
    assertThat(witaNext.total()).isEqualTo(1);
    assertThat(DigestText.render(wita, 3)).contains("(WITA, pekan 2026-W47)");
  }

  @Test
  void theChartIsAValidPngOfTheRightSize() throws Exception {
    var g = config.groupById("forkopimda").orElseThrow();
    var digest = database.jdbi().inTransaction(h -> Digests.build(h, config, g, Week.parse("2026-W47", WIB), sessions));

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(digest.chart()));
    assertThat(image.getWidth()).isEqualTo(DigestChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(DigestChart.HEIGHT);
  }

  @Test
  void theCsvOpensInExcelWithItsColumnsAndIndonesianText() {
    var g = config.groupById("forkopimda").orElseThrow();
    byte[] bytes = database.jdbi().inTransaction(h -> Digests.csv(h, config, Digests.build(h, config, g, Week.parse("2026-W47", WIB), sessions)));

    String csv = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertThat(csv).startsWith("\uFEFFNomor;Waktu;Kategori;Tingkat;Wilayah;Pelapor;Uraian;Status;Lintang;Bujur");
    assertThat(lines).hasSize(1 + 6);
    assertThat(lines.get(1)).startsWith("\"LAP-2026-000001\";\"2026-11-16 08:00\";Narkoba;NORMAL;Klojen;\"Siti Aminah\";")
        .contains("\"Uraian dengan huruf é dan “kutip”; titik koma\"", "terbuka");
  }

  /** Defect 7: what a reporter typed can never run as a formula in Excel; coordinates stay numbers. */
  @Test
  void typedFormulasAreNeutralisedInTheCsv() {
    var g = config.groupById("forkopimda").orElseThrow();
    byte[] csv = database.jdbi().inTransaction(h -> Digests.csv(h, config, Digests.build(h, config, g, Week.parse("2026-W41", WIB), sessions)));

    List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).contains(";\"'@SUM(A1)\";", ";\"'=HYPERLINK(\"\"http://x.example/\"\";\"\"klik\"\")\";")
        .endsWith(";\"-7.98\";\"112.63\"");
  }

  /** Field trial: mid-week, the meeting not yet held is listed as coming, not as a forum with "tanpa kabar". */
  @Test
  void aMeetingNotYetHeldIsListedAsComingNotAsAForum() {
    var g = config.groupById("forkopimda").orElseThrow();
    var tuesday = new Sessions(new CurrentConfig(config), Clock.fixed(Instant.parse("2026-11-17T05:00:00Z"), WIB)); // Tue 12.00 WIB
    DigestData data = database.jdbi().inTransaction(h -> DigestQueries.load(h, config, g, Week.parse("2026-W47", WIB), tuesday));

    String text = DigestText.render(data, 3);
    assertThat(data.forums()).isEmpty();
    assertThat(text).contains("<b>Forum pekan ini</b>\nBelum ada forum yang terlaksana.",
        "• Rabu, 18 November 2026 pukul 09.00 WIB — Rakor PKS\n• Rabu, 25 November 2026 pukul 09.00 WIB — Rakor PKS");
  }

  /** Defect 3: a member who only reports (role pelapor) is not expected at the forum. */
  @Test
  void onlyPesertaAreExpectedAtForums() {
    String text = DigestText.render(data("forkopimda", "2026-W47"), 3);

    assertThat(text).contains("diwakilkan 1 · berhalangan 0 · tanpa kabar 1");
  }

  /** The printable digest: A4, letterhead on each page, the figures as tables, the chart, page numbers. */
  @Test
  void thePdfPrintsTheWeeksFiguresTablesAndChart() throws Exception {
    var g = config.groupById("forkopimda").orElseThrow();
    var digest = database.jdbi().inTransaction(h -> Digests.build(h, config, g, Week.parse("2026-W47", WIB), sessions));
    byte[] pdf = Digests.pdf(config, digest, LocalDateTime.parse("2026-11-23T07:00").atZone(WIB));

    List<PdfPages.Page> pages = PdfPages.read(pdf, "rekap-mingguan");
    assertThat(pages).allSatisfy(page -> {
      assertThat(page.text()).contains("Badan Kesatuan Bangsa dan Politik", "Kota Malang", "dari " + pages.size());
      assertThat(page.minX()).isGreaterThanOrEqualTo(49f);
      assertThat(page.maxX()).isLessThanOrEqualTo(595.3f - 49f);
    });
    String all = String.join("\n", pages.stream().map(PdfPages.Page::text).toList());
    assertThat(all).contains("Rekap Mingguan Laporan Kamtibmas — Forkopimda Kota Malang",
        "Senin, 16 November 2026 s.d. Minggu, 22 November 2026 (WIB, pekan 2026-W47)",
        "Kategori Pekan ini Pekan lalu Perubahan Dibanding rata-rata 4",
        "Narkoba 4 1 naik 3", "Jumlah 5 2 naik 3", "Klojen 3 rawan", "Sukun 2 rawan (ada status awas)",
        "Rakor PKS", "Halaman 1 dari " + pages.size(), "Dicetak Senin, 23 November 2026 pukul 07.00 WIB");
    assertThat(pages.stream().mapToInt(PdfPages.Page::images).sum()).isEqualTo(1);
    assertThat(pages.getFirst().ink(0.1, 0.35, 0.9, 0.75)).as("the chart is drawn").isGreaterThan(0.02);
  }

  /** A closed week's figures are kept, but an admin's /tutup still shows: the status count is read each time. */
  @Test
  void aClosedWeekIsKeptButItsStatusCountsAreCurrent() {
    var g = config.groupById("forkopimda").orElseThrow();
    var digests = new Digests(new CurrentConfig(config), sessions, null, null, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), WIB));
    Week w46 = Week.parse("2026-W46", WIB);
    var first = database.jdbi().inTransaction(h -> digests.buildCached(h, config, g, w46));
    database.jdbi().useHandle(h -> h.createUpdate("UPDATE report SET status = 'closed' WHERE category = 'pencurian'").execute());
    var second = database.jdbi().inTransaction(h -> digests.buildCached(h, config, g, w46));
    database.jdbi().useHandle(h -> h.createUpdate("UPDATE report SET status = 'open' WHERE category = 'pencurian'").execute());

    assertThat(second.chart()).isSameAs(first.chart()); // kept, not drawn again
    assertThat(first.data().open()).isEqualTo(2);
    assertThat(second.data().open()).isEqualTo(1);
    assertThat(second.data().closed()).isEqualTo(1);
    assertThat(second.parts()).anyMatch(p -> p.contains("<b>Status</b>: terbuka 1 · ditutup 1"));
  }
}
