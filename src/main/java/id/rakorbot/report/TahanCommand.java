package id.rakorbot.report;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.error.UserMistake;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.telegram.Html;

/**
 * /tahan nomor alasan, and /tahan lepas nomor: an admin puts a report under legal hold (a case at the police or in
 * court needs it whole), so that retention keeps its reporter, description, photo and location until released.
 */
final class TahanCommand implements Command {

  private final ReportService service;

  TahanCommand(ReportService service) {
    this.service = service;
  }

  @Override
  public String name() {
    return "tahan";
  }

  @Override
  public String description() {
    return "Admin: tahan laporan dari penghapusan masa simpan (legal hold), atau lepas";
  }

  @Override
  public void handle(CommandContext context) {
    context.requireAdmin(ReportTexts.adminsOnly());
    String[] words = context.arguments().strip().split("\\s+", 2);
    boolean release = words[0].equalsIgnoreCase("lepas");
    String[] rest = release ? (words.length > 1 ? words[1].strip().split("\\s+", 2) : new String[] {""}) : words;
    if (rest[0].isBlank() || !release && (rest.length < 2 || rest[1].isBlank())) {
      throw new UserMistake(usage());
    }
    Report report = Reports.byNumber(context.handle(), rest[0]).orElseThrow(() -> new UserMistake(ReportTexts.unknownReport(rest[0])));
    var now = service.clock().instant();
    if (release) {
      if (!Reports.release(context.handle(), report.id())) {
        throw new UserMistake("Laporan " + report.number() + " tidak sedang ditahan.");
      }
      Audit.command(context, now, Actions.REPORT_RELEASED, report.number(), "");
      context.reply("✅ Penahanan laporan " + report.number() + " dilepas. Laporan ini kembali mengikuti masa simpan biasa.");
      return;
    }
    String reason = rest[1].strip();
    if (reason.length() > 500) {
      throw new UserMistake("Alasan penahanan terlalu panjang (" + reason.length() + " karakter); cukup 500 karakter, misalnya nomor perkara.");
    }
    if (Reports.anonymised(context.handle(), report.id())) {
      throw new UserMistake("Laporan " + report.number() + " sudah melewati masa simpan: data pribadinya sudah dihapus dan tidak dapat ditahan lagi.");
    }
    if (!Reports.hold(context.handle(), report.id(), reason, now)) {
      throw new UserMistake("Laporan " + report.number() + " sudah ditahan sebelumnya. Lepas dengan <code>/tahan lepas " + report.number() + "</code>.");
    }
    Audit.command(context, now, Actions.REPORT_HELD, report.number(), reason);
    context.reply("🔒 Laporan " + report.number() + " <b>ditahan</b>: " + Html.escape(reason) + ".\n"
        + "Pelapor, uraian, foto dan lokasinya disimpan utuh melewati masa simpan sampai dilepas dengan "
        + "<code>/tahan lepas " + report.number() + "</code>.");
  }

  private static String usage() {
    return "Format (khusus admin):\n<code>/tahan LAP-2026-000123 alasan, misalnya nomor perkara</code> — tahan dari penghapusan masa simpan\n"
        + "<code>/tahan lepas LAP-2026-000123</code> — lepas penahanan";
  }
}
