package id.rakorbot.dashboard;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.config.DashboardSettings;
import id.rakorbot.schedule.IndonesianTime;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.telegram.Html;
import id.rakorbot.error.UserMistake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code /dasbor}: a one-time login link, in a private chat, for admins and pimpinan. Admins also set up and
 * revoke the wall screen: {@code /dasbor layar}, {@code /dasbor layar cabut}.
 */
final class DasborCommand implements Command {

  private final Clock clock;

  DasborCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "dasbor";
  }

  @Override
  public String description() {
    return "Tautan masuk ke dasbor web (pimpinan dan admin, lewat chat pribadi)";
  }

  @Override
  public boolean refusesBeforeWriting() {
    return true;
  }

  @Override
  public void handle(CommandContext context) {
    DashboardSettings settings = context.config().dashboard();
    if (!settings.enabled()) {
      throw new UserMistake("Maaf, dasbor web belum diaktifkan. Admin perlu mengisi <code>dashboard.base_url</code> di berkas konfigurasi.");
    }
    long userId = context.user().getId();
    if (Viewers.allowed(context.config(), userId, false).isEmpty()) {
      throw new UserMistake("Maaf, dasbor hanya untuk pimpinan dan admin yang terdaftar di roster (peran <code>pimpinan</code> atau <code>admin</code>).");
    }
    if (!context.isPrivate()) {
      throw new UserMistake("Tautan masuk dasbor bersifat pribadi. Kirim /dasbor lewat chat pribadi dengan bot, bukan di grup.");
    }
    String[] words = context.arguments().strip().toLowerCase(Locale.ROOT).split("\\s+");
    Instant now = clock.instant();
    var zone = context.config().bot().zone();
    switch (String.join(" ", words)) {
      case "" -> {
        String token = Access.newLoginLink(context.handle(), userId, now);
        context.replySecret("🔐 <b>Masuk ke dasbor</b>\n" + link(settings, token, "Buka dasbor") + "\n\n"
            + "Tautan ini hanya untuk Bapak/Ibu, sekali pakai, dan berlaku 10 menit (sampai pukul "
            + IndonesianTime.clock(now.plus(Access.LOGIN_LINK_LIFETIME).atZone(zone)) + " " + IndonesianTime.zone(zone) + "). "
            + "Jangan diteruskan. Untuk keluar dari semua perangkat: /keluar_dasbor.");
      }
      case "layar" -> {
        context.requireAdmin("Maaf, tautan layar Command Center hanya dibuat oleh admin.");
        Duration lifetime = Duration.ofDays(settings.kioskDays());
        String token = Access.newKioskLink(context.handle(), userId, now, lifetime);
        Audit.command(context, now, Actions.KIOSK_LINK, "layar", "dibuat, berlaku " + settings.kioskDays() + " hari");
        context.replySecret("🖥️ <b>Tautan layar Command Center</b>\n" + link(settings, token, "Buka Layar") + "\n\n"
            + "Buka sekali di peramban layar dinding: hanya halaman Layar yang tampil, dan ia memperbarui diri sendiri. "
            + "Berlaku sampai " + IndonesianTime.date(now.plus(lifetime).atZone(zone).toLocalDate())
            + ". Untuk mencabut semua tautan layar: <code>/dasbor layar cabut</code>.");
      }
      case "layar cabut" -> {
        context.requireAdmin("Maaf, tautan layar hanya dicabut oleh admin.");
        int revoked = Access.revokeKiosks(context.handle(), now);
        Audit.command(context, now, Actions.KIOSK_LINK, "layar", revoked + " tautan dicabut");
        context.reply(revoked == 0 ? "Tidak ada tautan layar yang aktif."
            : "✅ " + revoked + " tautan layar dicabut; layar yang terbuka akan meminta masuk lagi.");
      }
      default -> throw new UserMistake("Perintah tidak dikenal. Pakai:\n/dasbor — tautan masuk untuk Bapak/Ibu\n"
          + "/dasbor layar — tautan layar Command Center (admin)\n/dasbor layar cabut — cabut semua tautan layar (admin)");
    }
  }

  private static String link(DashboardSettings settings, String token, String label) {
    return "<a href=\"" + Html.escape(settings.baseUrl() + Routes.LOGIN + "?t=" + token) + "\">" + label + "</a>";
  }
}
