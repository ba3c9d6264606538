package id.rakorbot.digest;

import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.followup.FollowUpTexts;
import id.rakorbot.rsvp.Attendance;
import id.rakorbot.warning.WarningTexts;
import id.rakorbot.schedule.IndonesianTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The digest as Telegram HTML in Bahasa Indonesia, one fact per line, split safely under Telegram's limit. */
public final class DigestText {

  /** Telegram allows 4,096 characters; parts stay under this. */
  static final int LIMIT = 4_000;

  private DigestText() {}

  static String render(DigestData d, int hotspotReports) {
    List<String> lines = new ArrayList<>();
    lines.add("📊 <b>Rekap Mingguan — " + escape(d.groupName()) + "</b>");
    lines.add(IndonesianTime.dayAndDate(d.week().monday()) + " s.d. " + IndonesianTime.dayAndDate(d.week().sunday())
        + " (" + IndonesianTime.zone(d.week().zone()) + ", pekan " + d.week().label() + ")");
    lines.add("");
    lines.add("<b>Laporan masuk: " + d.total() + "</b> — " + change(d.total(), d.totalLastWeek()) + " dibanding pekan lalu ("
        + d.totalLastWeek() + "); " + versusAverage(d.total(), d.totalLastFourWeeks()) + " dibanding rata-rata 4 pekan ("
        + decimal(d.totalLastFourWeeks() / 4.0) + ")");
    for (DigestData.CategoryCount c : d.categories()) {
      if (c.thisWeek() + c.lastWeek() + c.lastFourWeeks() == 0) {
        continue;
      }
      lines.add("• " + escape(c.label()) + ": " + c.thisWeek() + " — " + change(c.thisWeek(), c.lastWeek())
          + "; 4 pekan: " + versusAverage(c.thisWeek(), c.lastFourWeeks()));
    }
    lines.add("<b>Tingkat</b>: " + List.of("normal", "waspada", "siaga", "awas").stream()
        .map(s -> s + " " + d.bySeverity().getOrDefault(s, 0L)).collect(Collectors.joining(" · ")));
    lines.add("<b>Status</b>: terbuka " + d.open() + " · ditutup " + d.closed());
    if (!d.areas().isEmpty()) {
      lines.add("<b>Wilayah terbanyak</b>: " + d.areas().stream().limit(5)
          .map(a -> escape(a.area()) + " " + a.reports()).collect(Collectors.joining(", ")));
    }
    List<String> hotspots = d.areas().stream().filter(a -> a.reports() >= hotspotReports || a.awas())
        .map(a -> escape(a.area()) + " (" + a.reports() + " laporan" + (a.awas() ? ", ada status awas" : "") + ")").toList();
    lines.add("⚠️ <b>Wilayah rawan</b>: " + (hotspots.isEmpty() ? "tidak ada" : String.join(", ", hotspots)));
    if (!d.regions().isEmpty()) {
      lines.add("<b>Per wilayah</b>");
      d.regions().forEach(r -> lines.add("• " + escape(r.region()) + ": " + r.reports() + (r.byCategory().isEmpty() ? "" : " — "
          + r.byCategory().entrySet().stream().map(e -> escape(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", ")))));
      lines.add("• <b>Jumlah</b>: " + d.regions().stream().mapToLong(DigestData.RegionCount::reports).sum());
    }
    if (!d.earlyWarnings().isEmpty()) {
      lines.add("🚨 <b>Peringatan dini pekan ini</b>: " + d.earlyWarnings().size());
      d.earlyWarnings().stream().limit(10).forEach(w -> lines.add(WarningTexts.line(w, d.week().zone())));
    }
    d.responseTimes().line().ifPresent(line -> lines.add("⏱ " + line));
    lines.add("");
    lines.add("<b>Disiplin pelaporan</b>");
    lines.add("Melapor: " + list(d.areasWithReports()));
    lines.add("Hanya nihil: " + list(d.areasOnlyNihil()));
    lines.add("🔕 Tanpa laporan sama sekali: " + list(d.silentAreas()));
    lines.add("");
    lines.add("<b>Forum pekan ini</b>");
    if (d.forums().isEmpty()) {
      lines.add("Belum ada forum yang terlaksana.");
    }
    for (DigestData.Forum forum : d.forums()) {
      Attendance.Roll roll = forum.roll();
      lines.add("• " + escape(forum.occurrence().schedule().title()) + ", " + IndonesianTime.dayAndDate(forum.occurrence().start().toLocalDate())
          + ": " + roll.counts());
    }
    lines.add("");
    lines.add("<b>Akan datang</b> (s.d. " + IndonesianTime.dayAndDate(d.week().next().sunday()) + ")");
    if (d.comingWeek().isEmpty()) {
      lines.add("Tidak ada forum terjadwal.");
    }
    d.comingWeek().forEach(o -> lines.add("• " + IndonesianTime.dateTime(o.start()) + " — " + escape(o.schedule().title())));
    var followUps = d.followUps();
    if (followUps.open() > 0 || followUps.doneThisWeek() > 0) {
      lines.add("");
      lines.add("<b>Tindak lanjut</b>: " + followUps.open() + " terbuka, " + followUps.overdue().size() + " lewat tenggat, "
          + followUps.doneThisWeek() + " selesai pekan ini");
      followUps.overdue().stream().limit(10).forEach(item -> lines.add(FollowUpTexts.line(item, followUps.today())));
      if (followUps.overdue().size() > 10) {
        lines.add("… dan " + (followUps.overdue().size() - 10) + " lainnya (lihat /tl).");
      }
    }
    return String.join("\n", lines);
  }

  /** Below this base a percentage alarms more than it tells ("+700 %" on 0,8): the change is given as a count. */
  static final double SMALL_BASE = 5;

  /** "▲ 3 (+43 %)", "▼ 2 (−20 %)", "=", "▲ 3 (baru)", "▲ 2" on a small base — never a division by zero. */
  public static String change(long now, long before) {
    long delta = now - before;
    if (delta == 0) {
      return "=";
    }
    String arrow = delta > 0 ? "▲ " : "▼ ";
    if (before == 0) {
      return arrow + Math.abs(delta) + " (baru)";
    }
    if (before < SMALL_BASE) {
      return arrow + Math.abs(delta);
    }
    long percent = Math.round(delta * 100.0 / before);
    return arrow + Math.abs(delta) + " (" + (percent > 0 ? "+" : "−") + Math.abs(percent) + " %)";
  }

  /** This week against the average of the four weeks before it. */
  static String versusAverage(long now, long fourWeeks) {
    double average = fourWeeks / 4.0;
    if (now == average) {
      return "=";
    }
    String arrow = now > average ? "▲" : "▼";
    if (average == 0) {
      return arrow + " (baru)";
    }
    if (average < SMALL_BASE) {
      return arrow + " " + decimal(Math.abs(now - average));
    }
    long percent = Math.round((now - average) * 100.0 / average);
    return percent == 0 ? "=" : arrow + " (" + (percent > 0 ? "+" : "−") + Math.abs(percent) + " %)";
  }

  /**
   * Splits at line ends into parts under {@link #LIMIT}; every line opens and closes its own tags, so no
   * part breaks a tag. A single line longer than the limit (a very long list) is split between words.
   */
  public static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      for (String piece : pieces(line)) {
        if (part.length() + piece.length() + 1 > LIMIT && !part.isEmpty()) {
          parts.add(part.toString().stripTrailing());
          part.setLength(0);
        }
        part.append(piece).append('\n');
      }
    }
    if (!part.toString().isBlank()) {
      parts.add(part.toString().stripTrailing());
    }
    return parts;
  }

  private static List<String> pieces(String line) {
    if (line.length() <= LIMIT) {
      return List.of(line);
    }
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (String word : line.split(" ")) {
      if (piece.length() + word.length() + 1 > LIMIT && !piece.isEmpty()) {
        pieces.add(piece.toString().stripTrailing());
        piece.setLength(0);
      }
      piece.append(word).append(' ');
    }
    pieces.add(piece.toString().stripTrailing());
    return pieces;
  }

  private static String list(List<String> areas) {
    return areas.isEmpty() ? "-" : areas.stream().map(id.rakorbot.telegram.Html::escape).collect(Collectors.joining(", "));
  }

  private static String decimal(double value) {
    return String.format("%.1f", value).replace('.', ',');
  }

}
