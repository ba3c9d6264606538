package id.rakorbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.storage.Database;
import id.rakorbot.support.TestDatabase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Daily sums give the same figures as counting the reports: partial days, unsettled days, once only. */
class ReportCountsTest {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static TestDatabase schema;
  private static Database database;

  @BeforeAll
  static void seed() {
    schema = TestDatabase.create();
    database = Database.connect(schema.url(), 2);
    database.jdbi().useHandle(h -> {
      int id = 0;
      // Every 5 hours from 1 March to 1 April 2026: categories and areas in turn, every 7th a nihil, every 4th siaga.
      for (LocalDateTime t = LocalDateTime.parse("2026-03-01T00:30"); t.isBefore(LocalDateTime.parse("2026-04-01T00:00")); t = t.plusHours(5)) {
        id++;
        insert(h, id, id % 3 == 0 ? "narkoba" : "tawuran", id % 4 == 0 ? "siaga" : id % 5 == 0 ? "awas" : "normal",
            id % 2 == 0 ? "Klojen" : null, id % 7 == 0, t);
      }
    });
  }

  @AfterAll
  static void drop() {
    database.close();
    schema.close();
  }

  @Test
  void dailySumsAgreeWithTheReportsAndAreMadeOnce() {
    Instant from = wib("2026-03-03T15:30"); // partial first day
    Instant to = wib("2026-03-28T09:00"); // partial last day
    Instant now = wib("2026-03-28T10:30"); // 27 March ended long ago; 28 March is still going
    Map<String, Long> counted = database.jdbi().inTransaction(h -> ReportCounts.byCategory(h, from, to, WIB, now));
    Map<String, Long> again = database.jdbi().inTransaction(h -> ReportCounts.byCategory(h, from, to, WIB, now));

    assertThat(counted).isEqualTo(raw(from, to)).isEqualTo(again);
    int days = database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM report_day_done").mapTo(Integer.class).one());
    assertThat(days).isEqualTo(24); // 4 to 27 March
    long rows = database.jdbi().withHandle(h -> h.createQuery("SELECT sum(reports) FROM report_day_category").mapTo(Long.class).one());
    long inDays = raw(wib("2026-03-04T00:00"), wib("2026-03-28T00:00")).values().stream().mapToLong(Long::longValue).sum();
    assertThat(rows).as("each day summed once").isEqualTo(inDays);

    var areas = database.jdbi().inTransaction(h -> ReportCounts.byArea(h, from, to, WIB, now));
    long klojen = database.jdbi().withHandle(h -> h.createQuery(
            "SELECT count(*) FROM report WHERE area = 'Klojen' AND NOT nihil AND created_at >= :from AND created_at < :to")
        .bind("from", from).bind("to", to).mapTo(Long.class).one());
    long alarms = database.jdbi().withHandle(h -> h.createQuery(
            "SELECT count(*) FROM report WHERE severity IN ('siaga', 'awas') AND NOT nihil AND created_at >= :from AND created_at < :to")
        .bind("from", from).bind("to", to).mapTo(Long.class).one());
    assertThat(areas).filteredOn(a -> a.area().equals("Klojen")).singleElement().satisfies(a -> {
      assertThat(a.reports()).isEqualTo(klojen);
      assertThat(a.awas()).isTrue();
    });
    assertThat(areas.stream().mapToLong(ReportCounts.AreaCount::alarms).sum()).isEqualTo(alarms);
    assertThat(areas.stream().mapToLong(ReportCounts.AreaCount::nihil).sum()).isPositive();
  }

  @Test
  void aPeriodWithinOneDayIsCountedFromTheReports() {
    Instant from = wib("2026-03-10T08:00");
    Instant to = wib("2026-03-10T20:00");
    Map<String, Long> counted = database.jdbi().inTransaction(h -> ReportCounts.byCategory(h, from, to, WIB, wib("2026-04-01T00:00")));
    assertThat(counted).isEqualTo(raw(from, to));
  }

  private static Map<String, Long> raw(Instant from, Instant to) {
    return database.jdbi().withHandle(h -> h.createQuery(
            "SELECT category, count(*) AS n FROM report WHERE NOT nihil AND created_at >= :from AND created_at < :to GROUP BY category")
        .bind("from", from).bind("to", to).reduceRows(new java.util.HashMap<String, Long>(), (map, row) -> {
          map.put(row.getColumn("category", String.class), row.getColumn("n", Long.class));
          return map;
        }));
  }

  private static void insert(Handle h, int id, String category, String severity, String area, boolean nihil, LocalDateTime at) {
    h.createUpdate("""
            INSERT INTO report (id, number, reporter_id, reporter_name, chat_id, category, severity, area, description, nihil, created_at)
            VALUES (:id, 'LAP-C-' || :id, 9, 'Siti', 9, :category, :severity, :area, 'uji', :nihil, :at)""")
        .bind("id", id).bind("category", nihil ? "nihil" : category).bind("severity", severity).bind("area", area).bind("nihil", nihil)
        .bind("at", wib(at.toString())).execute();
  }

  private static Instant wib(String local) {
    return LocalDateTime.parse(local).atZone(WIB).toInstant();
  }
}
