package id.rakorbot.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The daily sums of the reports ({@code report_day_category}, {@code report_day_area}, {@code report_day_done}):
 * each local day of a zone summed once, after it ended, and the raw counts of the days around them.
 */
@RegisterConstructorMapper(ReportCounts.AreaCount.class)
@RegisterConstructorMapper(ReportDayDao.CategoryCount.class)
interface ReportDayDao {

  record CategoryCount(String category, long n) {}

  /** Claims the days of {@code [first, last]} nobody has summed yet, in the same statement: each only once. */
  @SqlQuery("""
      INSERT INTO report_day_done (zone, day)
      SELECT :zone, CAST(d AS date) FROM generate_series(CAST(:first AS date), CAST(:last AS date), interval '1 day') AS d
      WHERE NOT EXISTS (SELECT 1 FROM report_day_done x WHERE x.zone = :zone AND x.day = CAST(d AS date))
      ON CONFLICT DO NOTHING RETURNING day""")
  List<LocalDate> claimDays(String zone, LocalDate first, LocalDate last);

  @SqlUpdate
  @UseClasspathSqlLocator
  void sumCategories(String zone, Instant start, Instant end);

  @SqlUpdate
  @UseClasspathSqlLocator
  void sumAreas(String zone, Instant start, Instant end);

  @SqlQuery("""
      SELECT category, sum(reports) AS n FROM report_day_category
      WHERE zone = :zone AND day >= :first AND day < :end GROUP BY category""")
  List<CategoryCount> summedCategories(String zone, LocalDate first, LocalDate end);

  @SqlQuery("""
      SELECT area, sum(reports) AS reports, sum(nihil) AS nihil, bool_or(awas) AS awas, sum(alarms) AS alarms
      FROM report_day_area WHERE zone = :zone AND day >= :first AND day < :end GROUP BY area""")
  List<ReportCounts.AreaCount> summedAreas(String zone, LocalDate first, LocalDate end);

  /** Real reports of {@code [from, to)} per category, of some areas ({@code null}: all). */
  @SqlQuery("""
      SELECT category, count(*) AS n FROM report
      WHERE NOT nihil AND created_at >= :from AND created_at < :to
        AND (CAST(:areas AS text[]) IS NULL OR area = ANY (CAST(:areas AS text[])))
      GROUP BY category""")
  List<CategoryCount> countCategories(Instant from, Instant to, String[] areas);

  @SqlQuery
  @UseClasspathSqlLocator
  List<ReportCounts.AreaCount> countAreas(Instant from, Instant to);
}
