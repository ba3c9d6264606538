package id.rakorbot.briefing;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.digest.DigestText;
import id.rakorbot.followup.FollowUpTexts;
import id.rakorbot.print.PdfReport;
import id.rakorbot.report.ReportStatus;
import id.rakorbot.rsvp.Answer;
import id.rakorbot.rsvp.Attendance;
import id.rakorbot.schedule.IndonesianTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The bahan rapat on A4, for the table of the meeting: the same figures as the message, as tables, with the chart. */
public final class BriefingPdf {

  private BriefingPdf() {}

  public static byte[] render(RakorbotConfig config, Briefing b, byte[] chart, ZonedDateTime printedAt) {
    var schedule = b.meeting().schedule();
    var pdf = new PdfReport(PdfReport.Letterhead.of(config), "Bahan Rapat — " + schedule.title(),
        IndonesianTime.dateTime(b.meeting().start()) + schedule.venue().map(v -> ", " + v).orElse("") + "\n" + BriefingText.period(b),
        IndonesianTime.dateTime(printedAt));
    pdf.heading("Laporan per kategori");
    List<List<String>> rows = new ArrayList<>();
    for (Briefing.CategoryChange c : b.categories()) {
      if (c.now() + c.before() + c.yearEarlier() > 0) {
        rows.add(row(c));
      }
    }
    rows.add(row(b.total()));
    pdf.table(List.of("Kategori", "Periode ini", "Periode lalu", "Perubahan", "Tahun lalu", "Perubahan"), rows,
        new float[] {2.6f, 1.2f, 1.2f, 1.9f, 1.2f, 1.9f}, Set.of(1, 2, 4));
    pdf.chart(chart);
    if (!b.regions().isEmpty()) {
      pdf.paragraph("Per wilayah: " + b.regions().stream().map(r -> r.region() + " " + r.reports()).collect(java.util.stream.Collectors.joining(" · "))
          + " · jumlah " + b.regions().stream().mapToLong(Briefing.RegionTotal::reports).sum() + ".");
    }

    pdf.heading("Wilayah rawan dan wilayah tanpa laporan");
    pdf.table(List.of("Wilayah rawan", "Laporan", "Keterangan"), b.hotspots().stream()
        .map(a -> List.of(a.area(), Long.toString(a.reports()), a.awas() ? "ada status awas" : "")).toList(),
        new float[] {3, 1.2f, 3}, Set.of(1));
    pdf.paragraph("Tanpa laporan sama sekali: " + (b.silentAreas().isEmpty() ? "tidak ada" : String.join(", ", b.silentAreas())) + ".");

    pdf.heading("Siaga dan awas (" + b.alertCount() + ")");
    if (!b.alerts().isEmpty()) {
      pdf.table(List.of("Nomor", "Tanggal", "Kategori", "Tingkat", "Wilayah", "Status"), b.alerts().stream()
          .map(a -> List.of(a.number(), IndonesianTime.date(a.at().atZone(b.period().zone()).toLocalDate()), a.category(), a.severity(),
              a.area() == null ? "-" : a.area(), ReportStatus.label(a.status()))).toList(),
          new float[] {2.2f, 1.9f, 1.8f, 1.1f, 1.6f, 1.4f}, Set.of());
      if (b.alertCount() > b.alerts().size()) {
        pdf.paragraph("… dan " + (b.alertCount() - b.alerts().size()) + " lainnya: terbuka lebih dulu, lalu yang terbaru; semua ada di CSV.");
      }
    }

    if (!b.earlyWarnings().isEmpty()) {
      pdf.heading("Peringatan dini (" + b.earlyWarnings().size() + ")");
      pdf.table(List.of("Nomor", "Tingkat", "Aturan", "Wilayah", "Laporan"), b.earlyWarnings().stream()
          .map(w -> List.of(w.number(), w.level(), w.ruleName(), w.where(), Integer.toString(w.reports().size()))).toList(),
          new float[] {2, 1.4f, 3, 2.4f, 1.2f}, Set.of(4));
    }

    pdf.heading("Kehadiran pertemuan sebelumnya");
    b.previous().ifPresentOrElse(previous -> previous.roll().ifPresentOrElse(roll -> pdf.table(
        List.of("Tanggal", "Hadir", "Daring", "Diwakilkan", "Berhalangan", "Tanpa kabar"),
        List.of(List.of(IndonesianTime.dayAndDate(previous.occurrence().start().toLocalDate()),
            count(roll, Answer.HADIR), count(roll, Answer.DARING), count(roll, Answer.DIWAKILKAN),
            count(roll, Answer.BERHALANGAN), Integer.toString(roll.silent().size()))),
        new float[] {3, 1, 1, 1.3f, 1.4f, 1.4f}, Set.of(1, 2, 3, 4, 5)),
        () -> pdf.paragraph(IndonesianTime.dayAndDate(previous.occurrence().start().toLocalDate()) + ": "
            + BriefingText.NOT_ASKED)), () -> pdf.paragraph("Belum ada: ini pertemuan pertama jadwal ini."));

    pdf.heading("Tindak lanjut (" + b.followUps().size() + " arahan, per " + IndonesianTime.date(b.asOf()) + ")");
    if (b.followUps().isEmpty()) {
      pdf.paragraph("Belum ada arahan yang dicatat.");
    } else {
      pdf.paragraph(BriefingText.followUpCounts(b) + ".");
      pdf.table(List.of("Nomor", "Arahan", "Pemilik", "Tenggat", "Status"), b.followUps().stream()
          .sorted(java.util.Comparator.comparing((id.rakorbot.followup.FollowUp i) -> i.owner().name()))
          .map(item -> List.of(item.number(), item.description(), item.owner().name(), IndonesianTime.date(item.dueOn()),
              FollowUpTexts.status(item, b.asOf()))).toList(),
          new float[] {1.8f, 4, 2.2f, 1.8f, 1.6f}, Set.of());
    }

    pdf.heading("Agenda");
    pdf.paragraph(schedule.agenda().orElse("Belum diisi di jadwal."));
    pdf.signature();
    return pdf.render();
  }

  private static List<String> row(Briefing.CategoryChange c) {
    return List.of(c.label(), Long.toString(c.now()), Long.toString(c.before()), DigestText.change(c.now(), c.before()),
        Long.toString(c.yearEarlier()), DigestText.change(c.now(), c.yearEarlier()));
  }

  private static String count(Attendance.Roll roll, Answer answer) {
    return Integer.toString(roll.with(answer).size());
  }
}
