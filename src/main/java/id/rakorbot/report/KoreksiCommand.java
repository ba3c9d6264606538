package id.rakorbot.report;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.error.UserMistake;
import java.time.Duration;

/** /koreksi nomor teks: the reporter corrects their own report within 24 hours; the original is kept. */
final class KoreksiCommand implements Command {

  static final Duration WINDOW = Duration.ofHours(24);

  private final ReportService service;

  KoreksiCommand(ReportService service) {
    this.service = service;
  }

  @Override
  public String name() {
    return "koreksi";
  }

  @Override
  public String description() {
    return "Koreksi laporan Anda (24 jam): /koreksi nomor teks";
  }

  @Override
  public void handle(CommandContext context) {
    String[] words = context.arguments().split("\\s+", 2);
    if (words.length < 2 || words[1].isBlank()) {
      throw new UserMistake(ReportTexts.correctionUsage());
    }
    Report report = Reports.byNumber(context.handle(), words[0]).orElseThrow(() -> new UserMistake(ReportTexts.unknownReport(words[0])));
    if (report.reporterId() != context.user().getId()) {
      throw new UserMistake(ReportTexts.notYours(report.number()));
    }
    if (service.clock().instant().isAfter(report.createdAt().plus(WINDOW))) {
      throw new UserMistake(ReportTexts.tooLate(report.number()));
    }
    String correction = words[1].strip();
    if (correction.length() > ReportRequest.MAX_DESCRIPTION) {
      throw new UserMistake(ReportTexts.tooLong(correction.length()));
    }
    Reports.correct(context.handle(), report.id(), correction, service.clock().instant());
    Audit.command(context, service.clock().instant(), Actions.REPORT_CORRECTED, report.number(), correction.length() + " karakter");
    service.postToAdmins(context.handle(), context.config(), ReportTexts.correctedForAdmins(report, correction));
    context.reply(ReportTexts.corrected(report.number()));
  }
}
