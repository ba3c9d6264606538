package id.rakorbot.warning;

import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.schedule.IndonesianTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the early-warning feature says, in Bahasa Indonesia. */
public final class WarningTexts {

  /** A report behind an alert: its number, time and area. */
  record Hit(String number, java.time.Instant at, String area) {}

  private WarningTexts() {}

  static String alert(EarlyWarning warning, String why, List<Hit> hits, Optional<EarlyWarning> escalated, ZoneId zone) {
    List<String> lines = new ArrayList<>();
    lines.add(icon(warning.level()) + " <b>PERINGATAN DINI — " + warning.level().toUpperCase(Locale.ROOT) + "</b> · " + warning.number());
    lines.add(escape(warning.ruleName()) + ": " + escape(why));
    escalated.ifPresent(e -> lines.add("⬆️ Naik dari " + e.level().toUpperCase(Locale.ROOT) + " (" + e.number() + ")."));
    lines.add("Laporan:");
    for (Hit hit : hits) {
      var local = hit.at().atZone(zone);
      lines.add("• " + hit.number() + " — " + IndonesianTime.date(local.toLocalDate()) + " " + IndonesianTime.clock(local)
          + (hit.area() == null ? "" : " — " + escape(hit.area())));
    }
    lines.add("Setelah ditangani, admin menutupnya: <code>/peringatan tutup " + warning.number() + " catatan</code>");
    return String.join("\n", lines);
  }

  static String icon(String level) {
    return switch (level) {
      case "awas" -> "🔴";
      case "siaga" -> "🟠";
      default -> "🟡";
    };
  }

  /** The open alerts, each with who handles it ({@code states} by number). */
  static String list(List<EarlyWarning> open, ZoneId zone, java.util.Map<String, String> states) {
    if (open.isEmpty()) {
      return "Tidak ada peringatan dini yang aktif.";
    }
    List<String> lines = new ArrayList<>();
    lines.add("<b>Peringatan dini aktif</b> (" + open.size() + ")");
    open.forEach(w -> lines.add(line(w, zone) + (states.containsKey(w.number()) ? "\n   " + escape(states.get(w.number())) : "")));
    lines.add("Admin: <code>/peringatan tutup PD-… catatan</code>");
    return String.join("\n", lines);
  }

  /** "🟠 PD-2026-0003 SIAGA Potensi tawuran — Klojen, 23 November 2026 19.30 (5 laporan)". */
  public static String line(EarlyWarning w, ZoneId zone) {
    var local = w.firedAt().atZone(zone);
    return icon(w.level()) + " " + w.number() + " " + w.level().toUpperCase(Locale.ROOT) + " " + escape(w.ruleName()) + " — "
        + escape(w.where()) + ", " + IndonesianTime.date(local.toLocalDate()) + " " + IndonesianTime.clock(local)
        + " (" + w.reports().size() + " laporan)" + ("open".equals(w.status()) ? "" : "escalated".equals(w.status()) ? ", dinaikkan" : ", ditutup");
  }

  static String usage() {
    return "/peringatan: peringatan dini yang aktif. Admin menutup: <code>/peringatan tutup PD-2026-0001 catatan</code>";
  }

  static String adminsOnly() {
    return "Maaf, menutup peringatan dini hanya untuk admin.";
  }

  static String unknown(String number) {
    return "Peringatan <b>" + escape(number) + "</b> tidak ditemukan. Lihat daftarnya dengan /peringatan.";
  }

  static String closed(EarlyWarning w) {
    return "✅ " + w.number() + " ditutup. Terima kasih.";
  }

  static String notOpen(EarlyWarning w) {
    return w.number() + " sudah tidak aktif (" + ("escalated".equals(w.status()) ? "dinaikkan" : "ditutup") + ").";
  }
}
