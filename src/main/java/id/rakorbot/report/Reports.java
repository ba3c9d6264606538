package id.rakorbot.report;

import id.rakorbot.storage.Jdbc;
import java.sql.ResultSet;
import java.sql.Types;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Storing a report (plain JDBC: the intake's hot path) and the feature's other reads and writes, through {@link ReportStore}. */
final class Reports {

  private static final String COLUMNS = """
      id, number, reporter_id, reporter_name, category, severity, area, description, nihil, photo_file_id,
      latitude IS NOT NULL AS located, status, created_at""";

  /** What a new report holds. */
  record NewReport(long reporterId, String reporterName, long chatId, String category, Severity severity,
      Optional<String> area, String description, boolean nihil, Optional<String> photo, Long updateId) {}

  private Reports() {}

  /**
   * The flood limit: at most {@code max} reports of one reporter in a window that opened after {@code since}
   * (a fixed window: it opens with the first report after the previous one closed).
   */
  record Flood(Instant since, int max) {}

  /**
   * Stores a report, numbered {@code LAP-<year>-<000123>}, in one statement: empty when the reporter is over
   * the flood limit or the update stored a report before.
   */
  static Optional<Report> insert(Handle handle, NewReport report, Instant now, ZoneId zone, Flood flood) {
    // Plain JDBC: this runs once per /lapor, on the intake's hot path (see Jdbc).
    return Jdbc.run(handle, INSERT, statement -> {
      int i = 0;
      statement.setLong(++i, report.reporterId());
      statement.setObject(++i, now.atOffset(ZoneOffset.UTC));
      statement.setObject(++i, flood.since().atOffset(ZoneOffset.UTC));
      statement.setObject(++i, flood.since().atOffset(ZoneOffset.UTC));
      statement.setObject(++i, flood.since().atOffset(ZoneOffset.UTC));
      statement.setInt(++i, flood.max());
      statement.setString(++i, String.valueOf(now.atZone(zone).getYear()));
      statement.setLong(++i, report.reporterId());
      statement.setString(++i, report.reporterName());
      statement.setLong(++i, report.chatId());
      statement.setString(++i, report.category());
      statement.setString(++i, report.severity().key());
      statement.setString(++i, report.area().orElse(null));
      statement.setString(++i, report.description());
      statement.setBoolean(++i, report.nihil());
      statement.setString(++i, report.photo().orElse(null));
      statement.setObject(++i, report.updateId(), Types.BIGINT);
      statement.setObject(++i, now.atOffset(ZoneOffset.UTC));
      try (ResultSet inserted = statement.executeQuery()) {
        return inserted.next() ? Optional.of(read(inserted)) : Optional.<Report>empty();
      }
    });
  }

  private static final String INSERT = """
      WITH flood AS (
          INSERT INTO report_flood AS f (reporter_id, window_start, reports) VALUES (?::bigint, ?::timestamptz, 1)
          ON CONFLICT (reporter_id) DO UPDATE
          SET reports = CASE WHEN f.window_start > ?::timestamptz THEN f.reports + 1 ELSE 1 END,
              window_start = CASE WHEN f.window_start > ?::timestamptz THEN f.window_start ELSE excluded.window_start END
          WHERE f.window_start <= ?::timestamptz OR f.reports < ?::integer
          RETURNING reports),
      allowed AS (SELECT nextval('report_id_seq') AS id FROM flood)
      INSERT INTO report (id, number, reporter_id, reporter_name, chat_id, category, severity, area, description,
                          nihil, photo_file_id, update_id, created_at)
      SELECT id, 'LAP-' || ?::text || '-' || lpad(id::text, greatest(6, length(id::text)), '0'), ?::bigint, ?::text,
             ?::bigint, ?::text, ?::text, ?::text, ?::text, ?::boolean, ?::text, ?::bigint, ?::timestamptz
      FROM allowed
      ON CONFLICT (update_id) DO NOTHING
      RETURNING\s""" + COLUMNS;

  static Optional<Report> byNumber(Handle handle, String number) {
    return store(handle).byNumber(number.toUpperCase(java.util.Locale.ROOT)).map(ReportStore.Stored::report);
  }

  static Optional<Report> byUpdate(Handle handle, long updateId) {
    return store(handle).byUpdate(updateId).map(ReportStore.Stored::report);
  }

  static List<Report> recentOf(Handle handle, long reporterId, int limit) {
    return store(handle).recentOf(reporterId, limit).stream().map(ReportStore.Stored::report).toList();
  }

  static Optional<Report> nihilOn(Handle handle, long reporterId, String area, LocalDate day, ZoneId zone) {
    return store(handle).nihilOf(reporterId, area, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant())
        .map(ReportStore.Stored::report);
  }

  /**
   * Marks the open nihil reports of an area on that local day as superseded by a real report; returns their
   * numbers. Any reporter's nihil counts: the area was not quiet that day.
   */
  static List<String> supersedeNihil(Handle handle, String area, LocalDate day, ZoneId zone, long byReportId) {
    return store(handle).supersedeNihil(area, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(),
        byReportId);
  }

  /** Attaches a location to the reporter's latest report since {@code since} that has none. */
  static Optional<Report> locate(Handle handle, long reporterId, double latitude, double longitude, Instant since) {
    return store(handle).locate(reporterId, latitude, longitude, since).flatMap(number -> byNumber(handle, number));
  }

  static void correct(Handle handle, long reportId, String text, Instant now) {
    store(handle).correct(reportId, text, now);
  }

  static boolean close(Handle handle, long reportId, long adminId, String note, Instant now) {
    return store(handle).close(reportId, adminId, note, now);
  }

  static boolean hold(Handle handle, long reportId, String reason, Instant now) {
    return store(handle).hold(reportId, reason, now);
  }

  static boolean release(Handle handle, long reportId) {
    return store(handle).release(reportId);
  }

  static boolean held(Handle handle, long reportId) {
    return store(handle).held(reportId);
  }

  static boolean anonymised(Handle handle, long reportId) {
    return store(handle).anonymised(reportId);
  }

  private static ReportStore store(Handle handle) {
    return handle.attach(ReportStore.class);
  }

  private static Report read(ResultSet rs) throws SQLException {
    return new Report(rs.getLong("id"), rs.getString("number"), rs.getLong("reporter_id"), rs.getString("reporter_name"),
        rs.getString("category"), Severity.valueOf(rs.getString("severity").toUpperCase(java.util.Locale.ROOT)),
        Optional.ofNullable(rs.getString("area")), rs.getString("description"), rs.getBoolean("nihil"),
        Optional.ofNullable(rs.getString("photo_file_id")), rs.getBoolean("located"), rs.getString("status"),
        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
  }
}
