package id.rakorbot.report;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * How every other feature reads the {@code report} table: lists and counts by a typed {@link ReportQuery}
 * (through the {@code report_matching} function of V16, one definition of the filter), and the sums the digest,
 * the bahan rapat and masa siaga are made of. Aggregation happens in PostgreSQL; no report becomes a Java object
 * to be counted. Long queries live in {@code id/rakorbot/report/ReportDao/*.sql}.
 */
@RegisterConstructorMapper(ReportRow.class)
@RegisterConstructorMapper(ReportDao.WeekFigure.class)
@RegisterConstructorMapper(ReportDao.CategoryWeeks.class)
@RegisterConstructorMapper(ReportDao.CategoryInArea.class)
@RegisterConstructorMapper(ReportDao.AreaHeard.class)
@RegisterConstructorMapper(ReportDao.StatusCount.class)
public interface ReportDao {

  /** The newest {@code limit} reports a query selects. */
  @SqlQuery("""
      SELECT number, created_at, category, severity, area, reporter_name, description, status, latitude, longitude
      FROM report_matching(:q.from, :q.to, :q.nihilToo, CAST(:q.categoryKeys AS text[]), CAST(:q.areaNames AS text[]),
                           CAST(:q.severityKeys AS text[]), :q.openWanted, :q.locatedOnly)
      ORDER BY created_at DESC, id DESC LIMIT :limit""")
  List<ReportRow> newest(@BindMethods("q") ReportQuery query, int limit);

  /** How many reports a query selects. */
  @SqlQuery("""
      SELECT count(*) FROM report_matching(:q.from, :q.to, :q.nihilToo, CAST(:q.categoryKeys AS text[]), CAST(:q.areaNames AS text[]),
                           CAST(:q.severityKeys AS text[]), :q.openWanted, :q.locatedOnly)""")
  long count(@BindMethods("q") ReportQuery query);

  /** Every report a query selects, oldest first, streamed (an export); close the stream. */
  @SqlQuery("""
      SELECT number, created_at, category, severity, area, reporter_name, description, status, latitude, longitude
      FROM report_matching(:q.from, :q.to, :q.nihilToo, CAST(:q.categoryKeys AS text[]), CAST(:q.areaNames AS text[]),
                           CAST(:q.severityKeys AS text[]), :q.openWanted, :q.locatedOnly)
      ORDER BY created_at, id""")
  @FetchSize(10_000)
  Stream<ReportRow> oldestFirst(@BindMethods("q") ReportQuery query);

  /**
   * The newest siaga/awas reports of a period, open ones or the others, of some areas (null: all): the bahan
   * rapat's alerts, over the partial index of V11 that holds only those.
   */
  @SqlQuery("""
      SELECT number, created_at, category, severity, area, reporter_name, description, status, latitude, longitude
      FROM report
      WHERE severity IN ('siaga', 'awas') AND NOT nihil AND created_at >= :from AND created_at < :to
        AND (status = 'open') = :open AND (CAST(:areas AS text[]) IS NULL OR area = ANY (CAST(:areas AS text[])))
      ORDER BY created_at DESC LIMIT :limit""")
  List<ReportRow> newestAlarms(Instant from, Instant to, boolean open, String[] areas, int limit);

  /** Real reports of a period by severity and status, and every area's reports, nihil and awas: one pass. */
  record WeekFigure(String severity, String status, String area, boolean byArea, long reports, long nihil, boolean awas) {}

  @SqlQuery
  @UseClasspathSqlLocator
  List<WeekFigure> weekFigures(Instant from, Instant to, String[] areas);

  /** Real reports per category: this week, last week, and the four weeks before this one. */
  record CategoryWeeks(String category, long thisWeek, long lastWeek, long lastFour) {}

  @SqlQuery
  @UseClasspathSqlLocator
  List<CategoryWeeks> categoryWeeks(Instant thisWeek, Instant lastWeek, Instant fourWeeksAgo, Instant end, String[] areas);

  /** Real reports of a period by status: what can still change in a week whose other figures are final. */
  record StatusCount(String status, long reports) {}

  @SqlQuery("""
      SELECT status, count(*) AS reports FROM report
      WHERE created_at >= :from AND created_at < :to AND NOT nihil
        AND (CAST(:areas AS text[]) IS NULL OR area = ANY (CAST(:areas AS text[])))
      GROUP BY status""")
  List<StatusCount> statusCounts(Instant from, Instant to, String[] areas);

  /** Real reports of a period per category and area (the regions' side-by-side figures). */
  record CategoryInArea(String category, String area, long reports) {}

  @SqlQuery("""
      SELECT category, area, count(*) AS reports FROM report
      WHERE created_at >= :from AND created_at < :to AND NOT nihil GROUP BY category, area ORDER BY category""")
  List<CategoryInArea> categoriesByArea(Instant from, Instant to);

  /** An area heard from in a period: with a real report, or with nihil only (lower case, as the config is matched). */
  record AreaHeard(String area, boolean real) {}

  @SqlQuery("""
      SELECT lower(area) AS area, bool_or(NOT nihil) AS real FROM report
      WHERE created_at >= :from AND created_at < :to AND area IS NOT NULL AND status <> 'superseded' GROUP BY 1""")
  List<AreaHeard> areasHeard(Instant from, Instant to);
}
