package id.rakorbot.report;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.error.UserMistake;

/** /koreksi nomor teks: the reporter corrects their own report within 24 hours; the original is kept. */
final class KoreksiCommand implements Command {

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
    Report report = Corrections.correct(context.handle(), context.config(), service, context.user().getId(), words[0], words[1]);
    Audit.command(context, service.clock().instant(), Actions.REPORT_CORRECTED, report.number(), words[1].strip().length() + " karakter");
    context.reply(ReportTexts.corrected(report.number()));
  }
}
