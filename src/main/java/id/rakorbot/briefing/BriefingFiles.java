package id.rakorbot.briefing;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.report.ReportCsv;
import id.rakorbot.report.ReportQuery;
import id.rakorbot.outbox.OutgoingFile;
import id.rakorbot.schedule.IndonesianTime;
import id.rakorbot.telegram.Html;
import java.time.ZonedDateTime;
import org.jdbi.v3.core.Handle;

/** The files of a bahan rapat: the chart for the group, the period's reports (CSV) and the printable PDF for the admins. */
public final class BriefingFiles {

  private BriefingFiles() {}

  /** "kopi_senja-2026-04-09": what the files are named after. */
  public static String stem(Briefing b) {
    return b.meeting().schedule().id() + "-" + b.meeting().start().toLocalDate();
  }

  public static OutgoingFile chart(Briefing b, byte[] png) {
    return OutgoingFile.photo("bahan-" + stem(b) + ".png", png, "Laporan per kategori: periode ini, periode sebelumnya dan"
        + " periode yang sama tahun lalu — " + Html.escape(b.meeting().schedule().title()));
  }

  public static byte[] csvBytes(Handle handle, RakorbotConfig config, Briefing b) {
    var period = b.period();
    return ReportCsv.of(handle, ReportQuery.between(period.from(), period.to()).withNihil(), config.reports(), period.zone());
  }

  public static OutgoingFile csv(Briefing b, byte[] csv) {
    return OutgoingFile.document("laporan-bahan-" + stem(b) + ".csv", csv, "Laporan periode bahan rapat "
        + Html.escape(b.meeting().schedule().title()) + ", " + IndonesianTime.date(b.meeting().start().toLocalDate()));
  }

  public static OutgoingFile pdf(RakorbotConfig config, Briefing b, byte[] chart, ZonedDateTime printedAt) {
    return OutgoingFile.document("bahan-" + stem(b) + ".pdf", BriefingPdf.render(config, b, chart, printedAt),
        "Bahan rapat " + Html.escape(b.meeting().schedule().title()) + " (PDF untuk dicetak)");
  }
}
