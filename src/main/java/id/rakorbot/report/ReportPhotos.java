package id.rakorbot.report;

import id.rakorbot.photo.FormPhoto;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The form's photos of a report, kept as bytes, and the incident time the form gave. */
final class ReportPhotos {

  private ReportPhotos() {}

  static void add(Handle handle, long reportId, List<FormPhoto> photos) {
    for (int i = 0; i < photos.size(); i++) {
      FormPhoto photo = photos.get(i);
      handle.createUpdate("""
              INSERT INTO report_photo (report_id, seq, media_type, width, height, content)
              VALUES (:report, :seq, :type, :width, :height, :content) ON CONFLICT DO NOTHING""")
          .bind("report", reportId).bind("seq", i + 1).bind("type", FormPhoto.MEDIA_TYPE).bind("width", photo.width())
          .bind("height", photo.height()).bind("content", photo.content()).execute();
    }
  }

  static int countOf(Handle handle, long reportId) {
    return handle.createQuery("SELECT count(*) FROM report_photo WHERE report_id = :report").bind("report", reportId)
        .mapTo(Integer.class).one();
  }

  static void occurredAt(Handle handle, long reportId, Instant at) {
    handle.createUpdate("UPDATE report SET occurred_at = :at WHERE id = :report").bind("at", at).bind("report", reportId).execute();
  }
}
