package id.rakorbot.report;

import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;

/** /laporanku: the user's ten latest reports. */
final class LaporankuCommand implements Command {

  private final ReportService service;

  LaporankuCommand(ReportService service) {
    this.service = service;
  }

  @Override
  public String name() {
    return "laporanku";
  }

  @Override
  public boolean answersOnlyTheAsker() {
    return true;
  }

  @Override
  public String description() {
    return "Laporan saya yang terakhir";
  }

  @Override
  public void handle(CommandContext context) {
    var reporter = service.reporter(context.handle(), context.config(), context.user().getId());
    var reports = Reports.recentOf(context.handle(), reporter.userId(), 10);
    var handling = id.rakorbot.response.ResponseTimes.states(context.handle(), reports.stream().map(Report::number).toList());
    context.reply(ReportTexts.mine(reports, context.config().bot().zone(), new Categories(context.config().reports().categories()), handling));
  }
}
