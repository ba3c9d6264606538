package id.rakorbot.response;

import id.rakorbot.config.Official;
import id.rakorbot.telegram.Html;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** What the response feature says, in Bahasa Indonesia. */
final class ResponseTexts {

  static final String TAKE = "🙋 Saya tangani";
  static final String HELP = "🆘 Butuh bantuan";
  static final String DONE = "✅ Selesai";
  static final String SUPPORT = "🤝 Ikut membantu";
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH.mm");

  private ResponseTexts() {}

  /** "AKP Budi Santoso (Kapolsek Klojen)". */
  static String person(Official official) {
    return official.jabatan() == null || official.jabatan().isBlank() ? official.name()
        : official.name() + " (" + official.jabatan() + ")";
  }

  /** "12 menit", "1 jam 5 menit", "2 hari 3 jam", "kurang dari 1 menit"; to the nearest minute. */
  static String span(Duration duration) {
    long minutes = (duration.toSeconds() + 30) / 60;
    if (minutes < 1) {
      return "kurang dari 1 menit";
    }
    long days = minutes / 1440;
    long hours = minutes % 1440 / 60;
    long rest = minutes % 60;
    if (days > 0) {
      return days + " hari" + (hours > 0 ? " " + hours + " jam" : "");
    }
    return hours > 0 ? hours + " jam" + (rest > 0 ? " " + rest + " menit" : "") : rest + " menit";
  }

  private static String since(Alert alert) {
    return "report".equals(alert.kind()) ? "setelah laporan" : "setelah peringatan";
  }

  /** The alert message as it stands: its text, then who handles it, who helps, and how it ended. */
  static String status(Alert alert, List<String> supporters, String levelName) {
    StringBuilder text = new StringBuilder(alert.baseHtml());
    if (alert.taken()) {
      text.append("\n\n🙋 <b>Ditangani:</b> ").append(Html.escape(alert.handlerName())).append(" — ")
          .append(span(alert.timeToAck().orElseThrow())).append(' ').append(since(alert));
    } else if (!alert.done() && alert.levelReached() > 0) {
      text.append("\n\n⏫ Belum ada yang menangani; sudah diteruskan ke ").append(Html.escape(levelName)).append('.');
    }
    if (!supporters.isEmpty()) {
      text.append("\n🤝 Dibantu: ").append(Html.escape(String.join(", ", supporters)));
    }
    if (alert.done()) {
      text.append("\n✅ <b>Selesai</b> ").append(span(Duration.between(alert.raisedAt(), alert.doneAt()))).append(' ')
          .append(since(alert)).append(": ").append(Html.escape(alert.outcome()));
    }
    return text.toString();
  }

  static String escalation(Alert alert, String levelName, Duration waited) {
    return "⏫ <b>Eskalasi ke " + Html.escape(levelName) + "</b>\nBelum ada yang menyatakan menangani dalam " + span(waited)
        + ". Mohon tekan " + TAKE + " bila Anda menanganinya.\n\n" + alert.baseHtml();
  }

  static String firstNotice(Alert alert) {
    return "🚨 <b>Perlu penanganan</b> di wilayah Anda. Tekan " + TAKE + " bila Anda menanganinya.\n\n" + alert.baseHtml();
  }

  static String helpAsked(Alert alert, Official by, String levelName) {
    return "🆘 <b>" + Html.escape(person(by)) + " meminta bantuan</b> untuk " + alert.subject() + "; diteruskan ke "
        + Html.escape(levelName) + ".\n\n" + alert.baseHtml();
  }

  static String takenBy(Alert alert, String handler) {
    return "🙋 " + alert.subject() + " kini ditangani oleh " + Html.escape(handler) + ", " + span(alert.timeToAck().orElseThrow())
        + " " + since(alert) + ". Terima kasih; Anda tidak perlu menindaklanjuti kecuali diminta.";
  }

  static String toReporterTaken(Alert alert) {
    return "🙋 Laporan Anda " + alert.subject() + " ditangani oleh " + Html.escape(alert.handlerName()) + ", "
        + span(alert.timeToAck().orElseThrow()) + " setelah dikirim.";
  }

  static String toReporterDone(Alert alert, String by) {
    return "✅ Laporan Anda " + alert.subject() + " selesai ditangani oleh " + Html.escape(by) + ": " + Html.escape(alert.outcome());
  }

  static String alreadyTaken(Alert alert, ZoneId zone) {
    return "Sudah ditangani oleh " + alert.handlerName() + " sejak pukul " + CLOCK.format(alert.ackedAt().atZone(zone))
        + ". Bila ingin ikut membantu, tekan " + SUPPORT + " di pesan pribadi dari bot.";
  }

  static String offerSupport(Alert alert, ZoneId zone) {
    return alert.subject() + " sudah ditangani oleh " + Html.escape(alert.handlerName()) + " sejak pukul "
        + CLOCK.format(alert.ackedAt().atZone(zone)) + ". Bila Anda ikut membantu di lapangan, tekan " + SUPPORT + ".";
  }

  static String supportJoined(Alert alert, Official who) {
    return "🤝 " + Html.escape(person(who)) + " ikut membantu penanganan " + alert.subject() + ".";
  }

  static String askOutcome(String mention, Alert alert) {
    return mention + " mohon tulis hasil penanganan " + alert.subject()
        + " dalam satu baris, sebagai <b>balasan</b> pesan ini. Contoh: <i>Sudah dimediasi, situasi kondusif.</i>";
  }

  static String closedWith(Alert alert) {
    return "✅ " + alert.subject() + " ditutup: " + Html.escape(alert.outcome());
  }

  static String notAllowed(List<String> roles) {
    return "Maaf, tombol ini hanya untuk " + String.join(", ", roles) + " di grup atau wilayah peringatan ini. Bila Anda"
        + " seharusnya menangani, mohon minta admin menambahkan peran Anda di roster.";
  }

  static String notOnRoster() {
    return "Maaf, Anda belum terdaftar di roster. Mohon hubungi admin Bakesbangpol.";
  }

  static String alreadyDone(Alert alert) {
    return alert.subject() + " sudah selesai: " + alert.outcome();
  }

  static String topReached() {
    return "Sudah di tingkat tertinggi; admin diberi tahu.";
  }

  static String helpToAdmins(Alert alert, Official by) {
    return "🆘 " + Html.escape(person(by)) + " meminta bantuan untuk " + alert.subject()
        + ", dan tangga eskalasi sudah di tingkat tertinggi.\n\n" + alert.baseHtml();
  }

  static String emptyOutcome() {
    return "Mohon tulis hasil penanganannya dalam satu baris, misalnya: Sudah dimediasi, situasi kondusif.";
  }

  /** One line per alert not yet done, for /tanggap. */
  static String openList(List<Alert> alerts, int total, Instant now, ZoneId zone) {
    if (alerts.isEmpty()) {
      return "✅ Tidak ada peringatan yang masih terbuka.";
    }
    StringBuilder text = new StringBuilder("<b>Peringatan yang masih terbuka</b> (" + total + ")\n");
    for (Alert alert : alerts) {
      text.append("\n• <b>").append(alert.subject()).append("</b> ").append(alert.severity().toUpperCase(java.util.Locale.ROOT))
          .append(alert.areaName().map(a -> " · " + Html.escape(a)).orElse("")).append(" — ").append(span(Duration.between(alert.raisedAt(), now)))
          .append(" lalu\n  ").append(alert.taken() ? "🙋 " + Html.escape(alert.handlerName())
              : "⚠ belum ditangani" + (alert.levelReached() > 0 ? " (tingkat " + (alert.levelReached() + 1) + ")" : ""));
    }
    if (total > alerts.size()) {
      text.append("\n\n… dan ").append(total - alerts.size()).append(" lainnya di dasbor.");
    }
    return text.toString();
  }

}
