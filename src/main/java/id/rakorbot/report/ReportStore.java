package id.rakorbot.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The reporting feature's own reads and writes of {@code report} and {@code report_correction} (the insert is in {@link Reports}). */
@RegisterConstructorMapper(ReportStore.Stored.class)
interface ReportStore {

  /** A report as stored; {@link #report} is how the feature works with it. */
  record Stored(long id, String number, long reporterId, String reporterName, String category, String severity, String area,
      String description, boolean nihil, String photoFileId, boolean located, String status, Instant createdAt) {

    Report report() {
      return new Report(id, number, reporterId, reporterName, category, Severity.valueOf(severity.toUpperCase(Locale.ROOT)),
          Optional.ofNullable(area), description, nihil, Optional.ofNullable(photoFileId), located, status, createdAt);
    }
  }

  @SqlQuery("""
      SELECT id, number, reporter_id, reporter_name, category, severity, area, description, nihil, photo_file_id,
             latitude IS NOT NULL AS located, status, created_at
      FROM report WHERE number = :number""")
  Optional<Stored> byNumber(String number);

  /** The report a Telegram update stored, if one did (the same update seen twice stores one). */
  @SqlQuery("""
      SELECT id, number, reporter_id, reporter_name, category, severity, area, description, nihil, photo_file_id,
             latitude IS NOT NULL AS located, status, created_at
      FROM report WHERE update_id = :updateId""")
  Optional<Stored> byUpdate(long updateId);

  @SqlQuery("""
      SELECT id, number, reporter_id, reporter_name, category, severity, area, description, nihil, photo_file_id,
             latitude IS NOT NULL AS located, status, created_at
      FROM report WHERE reporter_id = :reporter ORDER BY created_at DESC, id DESC LIMIT :limit""")
  List<Stored> recentOf(long reporter, int limit);

  /** The reporter's nihil for an area in {@code [from, to)}, if any. */
  @SqlQuery("""
      SELECT id, number, reporter_id, reporter_name, category, severity, area, description, nihil, photo_file_id,
             latitude IS NOT NULL AS located, status, created_at
      FROM report WHERE reporter_id = :reporter AND nihil AND area = :area AND created_at >= :from AND created_at < :to
      LIMIT 1""")
  Optional<Stored> nihilOf(long reporter, String area, Instant from, Instant to);

  /** Marks the open nihil reports of an area in {@code [from, to)} as superseded by report {@code by}; their numbers. */
  @SqlQuery("""
      UPDATE report SET status = 'superseded', superseded_by = :by
      WHERE nihil AND status = 'open' AND area = :area AND created_at >= :from AND created_at < :to
      RETURNING number""")
  List<String> supersedeNihil(String area, Instant from, Instant to, long by);

  /** Attaches a location to the reporter's newest real report since {@code since} that has none; its number. */
  @SqlQuery("""
      UPDATE report SET latitude = :latitude, longitude = :longitude
      WHERE id = (SELECT id FROM report WHERE reporter_id = :reporter AND latitude IS NULL AND NOT nihil
                  AND created_at > :since ORDER BY created_at DESC LIMIT 1)
      RETURNING number""")
  Optional<String> locate(long reporter, double latitude, double longitude, Instant since);

  @SqlUpdate("INSERT INTO report_correction (report_id, text, corrected_at) VALUES (:report, :text, :now)")
  void correct(long report, String text, Instant now);

  @SqlUpdate("""
      UPDATE report SET status = 'closed', closed_by = :admin, closed_note = :note, closed_at = :now
      WHERE id = :report AND status = 'open'""")
  boolean close(long report, long admin, String note, Instant now);

  /** A legal hold: retention leaves the report whole until it is released. */
  @SqlUpdate("UPDATE report SET held_at = :now, held_reason = :reason WHERE id = :report AND held_at IS NULL AND anonymised_at IS NULL")
  boolean hold(long report, String reason, Instant now);

  @SqlUpdate("UPDATE report SET held_at = NULL, held_reason = NULL WHERE id = :report AND held_at IS NOT NULL")
  boolean release(long report);

  @SqlQuery("SELECT held_at IS NOT NULL FROM report WHERE id = :report")
  boolean held(long report);

  @SqlQuery("SELECT anonymised_at IS NOT NULL FROM report WHERE id = :report")
  boolean anonymised(long report);
}
