package id.rakorbot.siaga;

import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.config.SiagaPeriod;
import id.rakorbot.schedule.IndonesianTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the masa siaga feature says, in Bahasa Indonesia. */
public final class SiagaTexts {

  private SiagaTexts() {}

  /** For /start and /jadwal while a period runs. */
  public static String notice(SiagaPeriod period, ZoneId zone) {
    return "⚠️ <b>Masa siaga " + escape(period.name()) + "</b> (" + IndonesianTime.date(period.startDate()) + " s.d. "
        + IndonesianTime.date(period.endDate()) + "): setiap wilayah melapor setiap hari sebelum pukul "
        + clock(period.reportBy()) + " " + IndonesianTime.zone(zone) + " — laporan kejadian, atau <code>/lapor nihil</code> bila aman.";
  }

  static String reminder(SiagaPeriod period, String area, ZoneId zone) {
    return "⏰ Masa siaga " + escape(period.name()) + ": wilayah <b>" + escape(area) + "</b> belum melapor hari ini. Mohon kirim laporan"
        + " sebelum pukul " + clock(period.reportBy()) + " " + IndonesianTime.zone(zone) + ", atau <code>/lapor nihil #"
        + escape(area.toLowerCase(java.util.Locale.ROOT).replace(' ', '_')) + "</code> bila aman.";
  }

  static String silentList(SiagaPeriod period, LocalDate day, List<String> silent, int areas) {
    if (silent.isEmpty()) {
      return "✅ Masa siaga " + escape(period.name()) + ", " + IndonesianTime.dayAndDate(day) + ": semua " + areas + " wilayah sudah melapor.";
    }
    return "🔕 <b>Masa siaga " + escape(period.name()) + "</b>, " + IndonesianTime.dayAndDate(day) + ": " + silent.size() + " dari " + areas
        + " wilayah belum melapor sampai pukul " + clock(period.reportBy()) + ":\n" + escape(String.join(", ", silent));
  }

  static String daily(SiagaPeriod period, LocalDate day, Map<String, Long> byCategory, List<String> reported, List<String> nihilOnly,
      List<String> silent, List<String> warnings) {
    List<String> lines = new ArrayList<>();
    lines.add("📋 <b>Rekap harian masa siaga " + escape(period.name()) + "</b>");
    lines.add(IndonesianTime.dayAndDate(day) + " sampai pukul " + clock(period.reportBy()));
    long total = byCategory.values().stream().mapToLong(Long::longValue).sum();
    lines.add("<b>Laporan kejadian: " + total + "</b>" + (total == 0 ? "" : " — " + String.join(", ",
        byCategory.entrySet().stream().map(e -> escape(e.getKey()) + " " + e.getValue()).toList())));
    lines.add("Melapor kejadian: " + list(reported));
    lines.add("Nihil (aman): " + list(nihilOnly));
    lines.add("🔕 Belum melapor: " + list(silent));
    if (!warnings.isEmpty()) {
      lines.add("🚨 Peringatan dini hari ini: " + warnings.size());
      lines.addAll(warnings);
    }
    return String.join("\n", lines);
  }

  private static String list(List<String> areas) {
    return areas.isEmpty() ? "-" : escape(String.join(", ", areas));
  }

  private static String clock(String time) {
    return time.replace(':', '.');
  }
}
