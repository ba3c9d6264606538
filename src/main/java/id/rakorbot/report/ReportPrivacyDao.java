package id.rakorbot.report;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The reports' part of retention and erasure: what goes from a report, and what stays for the figures. */
interface ReportPrivacyDao {

  /** What anonymising removes: the reporter (and the private chat, whose id is theirs), the words, the photo, the place. */
  String ANONYMISED = """
      reporter_id = 0, chat_id = CASE WHEN chat_id > 0 THEN 0 ELSE chat_id END, reporter_name = '', description = '',
      photo_file_id = NULL, latitude = NULL, longitude = NULL""";

  /**
   * Reports past their retention keep what the figures need (category, area, severity, time, status). Not a report
   * still open (a nihil is never "open" in that sense), nor one on legal hold. Their numbers, for the alerts that quoted them.
   */
  @SqlQuery("UPDATE report SET " + ANONYMISED + """
      , closed_note = NULL, closed_by = NULL, anonymised_at = :now
      WHERE created_at < :cutoff AND anonymised_at IS NULL AND held_at IS NULL AND (status <> 'open' OR nihil)
      RETURNING number""")
  List<String> anonymiseBefore(Instant cutoff, Instant now);

  @SqlUpdate("DELETE FROM report_correction c USING report r WHERE r.id = c.report_id AND r.number = ANY(:numbers)")
  void dropCorrections(@Bind("numbers") String[] numbers);

  /** The form's photos of anonymised reports go with the rest of what was personal. */
  @SqlUpdate("DELETE FROM report_photo p USING report r WHERE r.id = p.report_id AND r.number = ANY(:numbers)")
  void dropFormPhotos(@Bind("numbers") String[] numbers);

  @SqlUpdate("""
      UPDATE report SET photo_file_id = NULL
      WHERE photo_file_id IS NOT NULL AND created_at < :cutoff AND held_at IS NULL AND (status <> 'open' OR nihil)""")
  int dropPhotosBefore(Instant cutoff);

  @SqlUpdate("""
      DELETE FROM report_photo p USING report r
      WHERE r.id = p.report_id AND r.created_at < :cutoff AND r.held_at IS NULL AND (r.status <> 'open' OR r.nihil)""")
  int dropFormPhotosBefore(Instant cutoff);

  @SqlQuery("SELECT count(*) FROM report WHERE reporter_id = :user AND :user <> 0")
  int countOf(long user);

  @SqlQuery("SELECT count(*) FROM report WHERE reporter_id = :user AND :user <> 0 AND held_at IS NOT NULL")
  int heldOf(long user);

  @SqlQuery("SELECT DISTINCT reporter_name FROM report WHERE reporter_id = :user AND :user <> 0")
  List<String> namesOf(long user);

  @SqlUpdate("""
      DELETE FROM report_correction c USING report r
      WHERE r.id = c.report_id AND r.reporter_id = :user AND :user <> 0 AND r.held_at IS NULL""")
  void dropCorrectionsOf(long user);

  @SqlUpdate("""
      DELETE FROM report_photo p USING report r
      WHERE r.id = p.report_id AND r.reporter_id = :user AND :user <> 0 AND r.held_at IS NULL""")
  void dropFormPhotosOf(long user);

  /** A person erased: their reports as retention leaves them, but those on legal hold. */
  @SqlQuery("UPDATE report SET " + ANONYMISED + ", anonymised_at = coalesce(anonymised_at, :now)"
      + " WHERE reporter_id = :user AND :user <> 0 AND held_at IS NULL RETURNING number")
  List<String> eraseReporter(long user, Instant now);

  @SqlUpdate("UPDATE report SET closed_by = NULL WHERE closed_by = :user")
  void forgetCloser(long user);

  @SqlQuery("""
      SELECT coalesce(json_agg(t), '[]')::text FROM (
          SELECT number AS nomor, created_at AS waktu, category AS kategori, severity AS tingkat, area AS wilayah,
                 description AS uraian, nihil, photo_file_id IS NOT NULL AS ada_foto, latitude AS lintang, longitude AS bujur,
                 occurred_at AS waktu_kejadian, status, closed_at AS ditutup,
                 (SELECT count(*) FROM report_photo p WHERE p.report_id = report.id) AS foto_formulir
          FROM report WHERE reporter_id = :user AND :user <> 0 ORDER BY created_at) t""")
  String reportsOfAsJson(long user);

  @SqlQuery("""
      SELECT coalesce(json_agg(t), '[]')::text FROM (
          SELECT r.number AS nomor, c.text AS koreksi, c.corrected_at AS waktu FROM report_correction c
          JOIN report r ON r.id = c.report_id WHERE r.reporter_id = :user AND :user <> 0 ORDER BY c.corrected_at) t""")
  String correctionsOfAsJson(long user);

  @SqlQuery("SELECT count(*) FROM reporter WHERE user_id = :user")
  int registrationsOf(long user);

  @SqlQuery("SELECT name FROM reporter WHERE user_id = :user")
  List<String> registeredNamesOf(long user);

  /** The rest of a person in the report tables: their registration, a draft in progress, their flood windows. */
  default int eraseRegistration(long user) {
    dropDraftAndFloodOf(user);
    forgetDecider(user);
    return dropRegistration(user);
  }

  @SqlUpdate("WITH drafts AS (DELETE FROM report_draft WHERE user_id = :user) DELETE FROM report_flood WHERE reporter_id = :user")
  void dropDraftAndFloodOf(long user);

  @SqlUpdate("UPDATE reporter SET decided_by = NULL WHERE decided_by = :user")
  void forgetDecider(long user);

  @SqlUpdate("DELETE FROM reporter WHERE user_id = :user")
  int dropRegistration(long user);

  @SqlUpdate("DELETE FROM report_flood WHERE window_start < :cutoff")
  int pruneFloodWindows(Instant cutoff);

  @SqlQuery("""
      SELECT coalesce(json_agg(t), '[]')::text FROM (
          SELECT name AS nama, jabatan, wilayah, status, requested_at AS diajukan, decided_at AS diputuskan
          FROM reporter WHERE user_id = :user) t""")
  String registrationOfAsJson(long user);

  @SqlQuery("""
      SELECT coalesce(json_agg(t), '[]')::text FROM (
          SELECT step AS langkah, category AS kategori, severity AS tingkat, description AS uraian, updated_at AS waktu
          FROM report_draft WHERE user_id = :user) t""")
  String draftsOfAsJson(long user);
}
