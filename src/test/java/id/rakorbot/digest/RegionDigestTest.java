package id.rakorbot.digest;

import id.rakorbot.support.ConfigProblems;
import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Rakorbot;
import id.rakorbot.config.ConfigProblem;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.storage.Database;
import id.rakorbot.support.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pasuruan's Kabupaten and Kota in one deployment: the shared forum's digest shows both regions side by side
 * with the total; each region's group sees only its own figures.
 */
class RegionDigestTest {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final String CONFIG = """
      groups:
        - {id: bersama, chat_id: -1001, name: Forkopimda Pasuruan Raya}
        - {id: kabupaten, chat_id: -1002, name: Forkopimda Kabupaten Pasuruan, region: Kabupaten Pasuruan}
        - {id: kota, chat_id: -1003, name: Forkopimda Kota Pasuruan, region: Kota Pasuruan}
      schedules:
        - {id: raya, title: Rakor Pasuruan Raya, kind: rakor, groups: [bersama], time: "09:00", repeat: {every: month, weekday: rabu, week: last}}
        - {id: kab, title: Rakor Kabupaten, kind: rakor, groups: [kabupaten], time: "09:00", repeat: {every: month, weekday: rabu, week: last}}
      reports:
        categories:
          - {key: narkoba, label: Narkoba}
          - {key: tawuran, label: Tawuran}
        regions:
          Kabupaten Pasuruan: [Bangil, Pandaan]
          Kota Pasuruan: [Purworejo, Gadingrejo]
      """;
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
      int id = 0;
      for (String[] r : List.of(new String[] {"narkoba", "Bangil"}, new String[] {"narkoba", "Bangil"}, new String[] {"tawuran", "Pandaan"},
          new String[] {"narkoba", "Purworejo"}, new String[] {"tawuran", "Gadingrejo"}, new String[] {"tawuran", "Gadingrejo"},
          new String[] {"tawuran", "Gadingrejo"})) {
        id++;
        h.createUpdate("""
                INSERT INTO report (id, number, reporter_id, reporter_name, chat_id, category, severity, area, description, created_at)
                VALUES (:id, 'LAP-R-' || :id, 9, 'Siti', 9, :category, 'normal', :area, 'uji', :at)""")
            .bind("id", id).bind("category", r[0]).bind("area", r[1])
            .bind("at", LocalDateTime.parse("2026-11-17T08:00").plusHours(id).atZone(WIB).toInstant()).execute();
      }
    });
  }

  @AfterAll
  static void drop() {
    database.close();
    schema.close();
  }

  @Test
  void theSharedForumSeesBothRegionsAndTheTotalEachRegionItsOwn() {
    Week week = Week.parse("2026-W47", WIB);
    String shared = text("bersama", week);
    assertThat(shared).contains("<b>Laporan masuk: 7</b>", "<b>Per wilayah</b>\n• Kabupaten Pasuruan: 3 — Narkoba 2, Tawuran 1\n"
        + "• Kota Pasuruan: 4 — Narkoba 1, Tawuran 3\n• <b>Jumlah</b>: 7");
    String kabupaten = text("kabupaten", week);
    assertThat(kabupaten).contains("<b>Laporan masuk: 3</b>", "• Narkoba: 2", "• Tawuran: 1").doesNotContain("Per wilayah", "Purworejo", "Gadingrejo");
    assertThat(kabupaten).contains("Tanpa laporan sama sekali: -").doesNotContain("Gadingrejo");
    String kota = text("kota", week);
    assertThat(kota).contains("<b>Laporan masuk: 4</b>", "• Narkoba: 1", "• Tawuran: 3").doesNotContain("Bangil", "Pandaan");
  }

  /** Defect: a region's group listed the other region's early warnings as its own. */
  @Test
  void aRegionsGroupSeesTheEarlyWarningsOfItsOwnAreasAndRegionAndThoseAboutEverything() {
    database.jdbi().useHandle(h -> {
      int n = 0;
      for (String scope : List.of("wilayah:Gadingrejo", "region:Kabupaten Pasuruan", "kategori:narkoba")) {
        n++;
        h.createUpdate("""
                INSERT INTO early_warning (number, rule_id, rule_name, level, scope, categories, reports, fired_at, window_end)
                VALUES (:number, 'uji', 'Uji', 'siaga', :scope, ARRAY['tawuran'], ARRAY['LAP-R-1'], :at, :at)""")
            .bind("number", "PD-2026-000" + n).bind("scope", scope)
            .bind("at", LocalDateTime.parse("2026-11-18T10:00").plusHours(n).atZone(WIB).toInstant()).execute();
      }
    });
    try {
      Week week = Week.parse("2026-W47", WIB);
      assertThat(text("kabupaten", week)).contains("Peringatan dini pekan ini</b>: 2", "PD-2026-0002", "PD-2026-0003")
          .doesNotContain("PD-2026-0001", "Gadingrejo");
      assertThat(text("kota", week)).contains("Peringatan dini pekan ini</b>: 2", "PD-2026-0001", "PD-2026-0003")
          .doesNotContain("PD-2026-0002");
      assertThat(text("bersama", week)).contains("Peringatan dini pekan ini</b>: 3");
      assertThat(briefing("kab")).contains("PD-2026-0002").doesNotContain("PD-2026-0001");
    } finally {
      database.jdbi().useHandle(h -> h.execute("DELETE FROM early_warning"));
    }
  }

  @Test
  void theBahanRapatOfASharedForumIsSideBySideAndARegionsOwnIsItsOwn() {
    String shared = briefing("raya");
    assertThat(shared).contains("<b>Per wilayah</b>: Kabupaten Pasuruan 3 · Kota Pasuruan 4 · jumlah 7", "• Narkoba: 3", "• Tawuran: 4");
    String kabupaten = briefing("kab");
    assertThat(kabupaten).contains("• Narkoba: 2 ", "• Tawuran: 1 ", "<b>Jumlah</b>: 3").doesNotContain("Per wilayah", "Gadingrejo");
  }

  private static String briefing(String scheduleId) {
    var schedule = id.rakorbot.schedule.ScheduleBook.of(config).byId(scheduleId).orElseThrow();
    var meeting = new id.rakorbot.schedule.Occurrence(schedule, LocalDateTime.parse("2026-11-25T09:00").atZone(WIB), java.util.Optional.empty());
    var b = database.jdbi().inTransaction(h -> id.rakorbot.briefing.Briefings.build(h, config, meeting, meeting.start().toInstant()));
    return String.join("\n", id.rakorbot.briefing.BriefingText.parts(b));
  }

  @Test
  void regionsAreCheckedWithLineAndColumn() {
    List<String> problems = problems(CONFIG.replace("[Purworejo, Gadingrejo]", "[Purworejo, Bangil]")
        .replace("region: Kota Pasuruan}", "region: Kota Pasurua}"));
    assertThat(problems).hasSize(2)
        .anyMatch(p -> p.startsWith("test.yaml:14:") && p.contains("wilayah 'Bangil' sudah masuk region 'Kabupaten Pasuruan'"))
        .anyMatch(p -> p.startsWith("test.yaml:4:") && p.contains("region 'Kota Pasurua' tidak ada di reports.regions"));
  }

  private static String text(String groupId, Week week) {
    var group = config.groupById(groupId).orElseThrow();
    var digest = database.jdbi().inTransaction(h -> Digests.build(h, config, group, week, sessions));
    return String.join("\n", digest.parts());
  }

  private static List<String> problems(String yaml) {
    return ConfigProblems.of("test.yaml", yaml);
  }
}
