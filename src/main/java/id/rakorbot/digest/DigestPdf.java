package id.rakorbot.digest;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.followup.FollowUp;
import id.rakorbot.followup.FollowUpTexts;
import id.rakorbot.print.PdfReport;
import id.rakorbot.rsvp.Answer;
import id.rakorbot.schedule.IndonesianTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The weekly digest of a group on A4, for printing and signing: the same figures as the message, as tables. */
final class DigestPdf {

  private DigestPdf() {}

  static byte[] render(RakorbotConfig config, DigestData d, byte[] chart, ZonedDateTime printedAt) {
    var week = d.week();
    var pdf = new PdfReport(PdfReport.Letterhead.of(config), "Rekap Mingguan Laporan Kamtibmas — " + d.groupName(),
        IndonesianTime.dayAndDate(week.monday()) + " s.d. " + IndonesianTime.dayAndDate(week.sunday()) + " ("
            + IndonesianTime.zone(week.zone()) + ", pekan " + week.label() + ")",
        IndonesianTime.dateTime(printedAt));
    pdf.heading("Ringkasan");
    pdf.paragraph("Laporan masuk: " + d.total() + " — " + DigestText.change(d.total(), d.totalLastWeek()) + " dibanding pekan lalu ("
        + d.totalLastWeek() + "); " + DigestText.versusAverage(d.total(), d.totalLastFourWeeks()) + " dibanding rata-rata 4 pekan.");
    pdf.paragraph("Tingkat: " + List.of("normal", "waspada", "siaga", "awas").stream()
        .map(s -> s + " " + d.bySeverity().getOrDefault(s, 0L)).collect(Collectors.joining(" · "))
        + ". Status: terbuka " + d.open() + " · ditutup " + d.closed() + ".");

    pdf.heading("Laporan per kategori");
    List<List<String>> rows = new ArrayList<>();
    for (DigestData.CategoryCount c : d.categories()) {
      if (c.thisWeek() + c.lastWeek() + c.lastFourWeeks() > 0) {
        rows.add(List.of(c.label(), Long.toString(c.thisWeek()), Long.toString(c.lastWeek()), DigestText.change(c.thisWeek(), c.lastWeek()),
            DigestText.versusAverage(c.thisWeek(), c.lastFourWeeks())));
      }
    }
    rows.add(List.of("Jumlah", Long.toString(d.total()), Long.toString(d.totalLastWeek()), DigestText.change(d.total(), d.totalLastWeek()),
        DigestText.versusAverage(d.total(), d.totalLastFourWeeks())));
    pdf.table(List.of("Kategori", "Pekan ini", "Pekan lalu", "Perubahan", "Dibanding rata-rata 4 pekan"), rows,
        new float[] {3, 1.3f, 1.3f, 2, 2.4f}, Set.of(1, 2));
    pdf.chart(chart);
    if (!d.regions().isEmpty()) {
      pdf.heading("Per wilayah");
      List<List<String>> regionRows = new ArrayList<>(d.regions().stream().map(r -> List.of(r.region(), Long.toString(r.reports()),
          r.byCategory().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))).toList());
      regionRows.add(List.of("Jumlah", Long.toString(d.regions().stream().mapToLong(DigestData.RegionCount::reports).sum()), ""));
      pdf.table(List.of("Wilayah", "Laporan", "Per kategori"), regionRows, new float[] {3, 1.2f, 5}, Set.of(1));
    }

    if (!d.earlyWarnings().isEmpty()) {
      pdf.heading("Peringatan dini pekan ini (" + d.earlyWarnings().size() + ")");
      pdf.table(List.of("Nomor", "Tingkat", "Aturan", "Wilayah", "Laporan"), d.earlyWarnings().stream()
          .map(w -> List.of(w.number(), w.level(), w.ruleName(), w.where(), Integer.toString(w.reports().size()))).toList(),
          new float[] {2, 1.4f, 3, 2.4f, 1.2f}, Set.of(4));
    }
    d.responseTimes().line().ifPresent(line -> pdf.paragraph(line + "."));
    pdf.heading("Wilayah");
    int threshold = config.digest().hotspotReports();
    pdf.table(List.of("Wilayah", "Laporan", "Keterangan"), d.areas().stream()
        .map(a -> List.of(a.area(), Long.toString(a.reports()),
            a.awas() ? "rawan (ada status awas)" : a.reports() >= threshold ? "rawan" : "")).toList(),
        new float[] {3, 1.2f, 3}, Set.of(1));
    pdf.paragraph("Hanya nihil: " + orNone(d.areasOnlyNihil()) + ".");
    pdf.paragraph("Tanpa laporan sama sekali: " + orNone(d.silentAreas()) + ".");

    pdf.heading("Forum pekan ini");
    if (d.forums().isEmpty()) {
      pdf.paragraph("Belum ada forum yang terlaksana.");
    } else {
      pdf.table(List.of("Forum", "Tanggal", "Hadir", "Daring", "Diwakilkan", "Berhalangan", "Tanpa kabar"), d.forums().stream()
          .map(f -> List.of(f.occurrence().schedule().title(), IndonesianTime.date(f.occurrence().start().toLocalDate()),
              count(f, Answer.HADIR), count(f, Answer.DARING), count(f, Answer.DIWAKILKAN), count(f, Answer.BERHALANGAN),
              Integer.toString(f.roll().silent().size()))).toList(),
          new float[] {3, 2.2f, 1, 1, 1.5f, 1.6f, 1.6f}, Set.of(2, 3, 4, 5, 6));
    }

    var followUps = d.followUps();
    pdf.heading("Tindak lanjut");
    pdf.paragraph(followUps.open() + " terbuka, " + followUps.overdue().size() + " lewat tenggat, " + followUps.doneThisWeek()
        + " selesai pekan ini.");
    if (!followUps.overdue().isEmpty()) {
      pdf.table(List.of("Nomor", "Arahan", "Pemilik", "Tenggat", "Status"), followUps.overdue().stream()
          .map(item -> followUpRow(item, followUps.today())).toList(), new float[] {1.8f, 4, 2.2f, 1.8f, 1.6f}, Set.of());
    }

    pdf.heading("Akan datang (s.d. " + IndonesianTime.dayAndDate(week.next().sunday()) + ")");
    if (d.comingWeek().isEmpty()) {
      pdf.paragraph("Tidak ada forum terjadwal.");
    }
    d.comingWeek().forEach(o -> pdf.paragraph("• " + IndonesianTime.dateTime(o.start()) + " — " + o.schedule().title()));
    pdf.signature();
    return pdf.render();
  }

  static List<String> followUpRow(FollowUp item, java.time.LocalDate today) {
    return List.of(item.number(), item.description(), item.owner().name(), IndonesianTime.date(item.dueOn()), FollowUpTexts.status(item, today));
  }

  private static String count(DigestData.Forum forum, Answer answer) {
    return Integer.toString(forum.roll().with(answer).size());
  }

  private static String orNone(List<String> areas) {
    return areas.isEmpty() ? "tidak ada" : String.join(", ", areas);
  }
}
