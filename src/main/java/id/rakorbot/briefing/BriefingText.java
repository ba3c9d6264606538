package id.rakorbot.briefing;

import id.rakorbot.rsvp.Attendance;
import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.digest.DigestText;
import id.rakorbot.followup.FollowUp;
import id.rakorbot.followup.FollowUpTexts;
import id.rakorbot.report.ReportStatus;
import id.rakorbot.schedule.IndonesianTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.stream.Collectors;

/** The bahan rapat as Telegram HTML, in the words a Kopi Senja's figures are read out in. */
public final class BriefingText {

  /** A previous meeting the bot never announced: nobody was asked, so nobody is "tanpa kabar". */
  static final String NOT_ASKED = "tidak tercatat, karena pertemuan itu tidak diumumkan lewat bot.";

  private BriefingText() {}

  /** The text in parts under Telegram's limit. */
  public static List<String> parts(Briefing b) {
    return DigestText.split(render(b));
  }

  static String render(Briefing b) {
    List<String> lines = new ArrayList<>();
    lines.add("📋 <b>Bahan Rapat — " + escape(b.meeting().schedule().title()) + "</b>");
    lines.add(IndonesianTime.dateTime(b.meeting().start()));
    lines.add(period(b));
    lines.add("");
    lines.add("<b>Laporan per kategori</b> — dibanding periode sebelumnya dan periode yang sama tahun lalu");
    if (b.categories().stream().allMatch(c -> c.now() + c.before() + c.yearEarlier() == 0)) {
      lines.add("Tidak ada laporan dalam periode ini maupun pembandingnya.");
    }
    for (Briefing.CategoryChange c : b.categories()) {
      lines.add("• " + escape(c.label()) + ": " + c.now() + " — " + versus(c.now(), c.before(), "periode lalu")
          + "; " + versus(c.now(), c.yearEarlier(), "tahun lalu"));
    }
    Briefing.CategoryChange total = b.total();
    lines.add("<b>Jumlah</b>: " + total.now() + " — " + versus(total.now(), total.before(), "periode lalu") + "; "
        + versus(total.now(), total.yearEarlier(), "tahun lalu"));
    if (!b.regions().isEmpty()) {
      lines.add("<b>Per wilayah</b>: " + b.regions().stream().map(r -> escape(r.region()) + " " + r.reports()).collect(Collectors.joining(" · "))
          + " · jumlah " + b.regions().stream().mapToLong(Briefing.RegionTotal::reports).sum());
    }
    lines.add("⚠️ <b>Wilayah rawan</b>: " + (b.hotspots().isEmpty() ? "tidak ada" : b.hotspots().stream()
        .map(a -> escape(a.area()) + " (" + a.reports() + " laporan" + (a.awas() ? ", ada status awas" : "") + ")")
        .collect(Collectors.joining(", "))));
    lines.add("🔕 <b>Tanpa laporan sama sekali</b>: " + (b.silentAreas().isEmpty() ? "tidak ada"
        : escape(String.join(", ", b.silentAreas()))));
    lines.add("🚨 <b>Siaga dan awas</b>" + (b.alerts().isEmpty() ? ": tidak ada" : " (" + b.alertCount() + "):"));
    for (Briefing.Alert alert : b.alerts()) {
      lines.add("• " + alert.number() + " " + IndonesianTime.date(alert.at().atZone(b.period().zone()).toLocalDate()) + " — "
          + escape(alert.category()) + " (" + alert.severity() + "), " + escape(alert.area() == null ? "-" : alert.area())
          + ": " + ReportStatus.label(alert.status()));
    }
    if (b.alertCount() > b.alerts().size()) {
      lines.add("… dan " + (b.alertCount() - b.alerts().size()) + " lainnya (semua ada di CSV untuk admin).");
    }
    b.responseTimes().line().ifPresent(line -> lines.add("⏱ " + line + b.responseBefore().median()
        .map(m -> " (periode sebelumnya median " + id.rakorbot.response.ResponseTimes.span(m) + ")").orElse("")));
    if (!b.earlyWarnings().isEmpty()) {
      lines.add("🚨 <b>Peringatan dini periode ini</b>: " + b.earlyWarnings().size());
      b.earlyWarnings().stream().limit(10).forEach(w -> lines.add(id.rakorbot.warning.WarningTexts.line(w, b.period().zone())));
    }
    lines.add("");
    b.previous().ifPresentOrElse(previous -> {
      lines.add("<b>Kehadiran pertemuan sebelumnya</b> (" + IndonesianTime.dayAndDate(previous.occurrence().start().toLocalDate())
          + "): " + previous.roll().map(Attendance.Roll::counts).orElse(NOT_ASKED));
    }, () -> lines.add("<b>Kehadiran pertemuan sebelumnya</b>: belum ada, ini pertemuan pertama jadwal ini."));
    followUps(b, lines);
    lines.add("<b>Agenda</b>: " + b.meeting().schedule().agenda().map(id.rakorbot.telegram.Html::escape).orElse("belum diisi di jadwal."));
    return String.join("\n", lines);
  }

  /** "Periode: 8 Januari 2026 s.d. 8 April 2026 (sejak pertemuan sebelumnya)". */
  static String period(Briefing b) {
    LocalDate first = b.period().from().atZone(b.period().zone()).toLocalDate();
    LocalDate last = b.period().to().atZone(b.period().zone()).toLocalDate().minusDays(1);
    return "Periode: " + IndonesianTime.date(first) + " s.d. " + IndonesianTime.date(last)
        + (b.sincePreviousMeeting() ? " (sejak pertemuan sebelumnya)" : " (pertemuan pertama: satu siklus jadwal)");
  }

  /** "selesai 1 · dalam proses 1 · lewat tenggat 1 · belum ada kabar 0". */
  static String followUpCounts(Briefing b) {
    List<FollowUp> items = b.followUps();
    LocalDate asOf = b.asOf();
    long done = items.stream().filter(FollowUp::done).count();
    long overdue = items.stream().filter(i -> i.overdue(asOf)).count();
    long inProgress = items.stream().filter(i -> i.inProgress() && !i.overdue(asOf)).count();
    return "selesai " + done + " · dalam proses " + inProgress + " · lewat tenggat " + overdue + " · belum ada kabar "
        + (items.size() - done - overdue - inProgress);
  }

  /** Done, in progress, overdue and not started, then the items by owner. */
  private static void followUps(Briefing b, List<String> lines) {
    List<FollowUp> items = b.followUps();
    if (items.isEmpty()) {
      lines.add("<b>Tindak lanjut</b>: belum ada arahan yang dicatat.");
      return;
    }
    LocalDate asOf = b.asOf();
    lines.add("<b>Tindak lanjut</b> (" + items.size() + " arahan, per " + IndonesianTime.date(asOf) + "): " + followUpCounts(b));
    Map<String, List<FollowUp>> byOwner = items.stream().collect(Collectors.groupingBy(i -> i.owner().name(), TreeMap::new, Collectors.toList()));
    byOwner.forEach((owner, owned) -> {
      lines.add("<i>" + escape(owner) + "</i>");
      owned.forEach(item -> lines.add(FollowUpTexts.line(item, asOf)));
    });
  }

  /** "▲ 17 (+19 %) dari 90 periode lalu": the change and its base, so a leader can read the seed's "90 → 107". */
  static String versus(long now, long base, String which) {
    return DigestText.change(now, base) + " dari " + base + " " + which;
  }

}
