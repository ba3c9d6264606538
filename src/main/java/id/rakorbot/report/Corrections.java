package id.rakorbot.report;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.error.UserMistake;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** A reporter's correction of their own report within 24 hours, from /koreksi or the form: the original is kept. */
final class Corrections {

  static final Duration WINDOW = Duration.ofHours(24);

  private Corrections() {}

  /** Whether the reporter may still correct it at {@code now}. */
  static boolean open(Report report, long userId, Instant now) {
    return report.reporterId() == userId && !report.nihil() && !now.isAfter(report.createdAt().plus(WINDOW));
  }

  /** Stores the correction and tells the admins; the corrected report, or a mistake in Indonesian. */
  static Report correct(Handle handle, RakorbotConfig config, ReportService service, long userId, String number, String text) {
    Report report = Reports.byNumber(handle, number).orElseThrow(() -> new UserMistake(ReportTexts.unknownReport(number)));
    if (report.reporterId() != userId) {
      throw new UserMistake(ReportTexts.notYours(report.number()));
    }
    Instant now = service.clock().instant();
    if (now.isAfter(report.createdAt().plus(WINDOW))) {
      throw new UserMistake(ReportTexts.tooLate(report.number()));
    }
    String correction = text == null ? "" : text.strip();
    if (correction.isEmpty()) {
      throw new UserMistake(ReportTexts.correctionUsage());
    }
    if (correction.length() > ReportRequest.MAX_DESCRIPTION) {
      throw new UserMistake(ReportTexts.tooLong(correction.length()));
    }
    Reports.correct(handle, report.id(), correction, now);
    service.postToAdmins(handle, config, ReportTexts.correctedForAdmins(report, correction));
    return report;
  }
}
