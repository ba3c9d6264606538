package id.rakorbot.report;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.error.UserMistake;

/** /tutup nomor [catatan]: an admin marks a report as handled (tindak lanjut selesai). */
final class TutupCommand implements Command {

  private final ReportService service;

  TutupCommand(ReportService service) {
    this.service = service;
  }

  @Override
  public String name() {
    return "tutup";
  }

  @Override
  public String description() {
    return "Admin: tandai laporan selesai ditangani";
  }

  @Override
  public void handle(CommandContext context) {
    context.requireAdmin(ReportTexts.adminsOnly());
    String[] words = context.arguments().split("\\s+", 2);
    if (words[0].isBlank()) {
      throw new UserMistake(ReportTexts.closeUsage());
    }
    Report report = Reports.byNumber(context.handle(), words[0]).orElseThrow(() -> new UserMistake(ReportTexts.unknownReport(words[0])));
    String note = words.length > 1 ? words[1].strip() : null;
    boolean closed = Reports.close(context.handle(), report.id(), context.user().getId(), note, service.clock().instant());
    if (closed) {
      Audit.command(context, service.clock().instant(), Actions.REPORT_CLOSED, report.number(), note == null ? "" : "dengan catatan");
      service.desk().closedElsewhere(context.handle(), context.config(), report.number(), context.user().getId(), note);
    }
    context.reply(closed ? ReportTexts.closed(report) : ReportTexts.alreadyClosed(report));
  }
}
