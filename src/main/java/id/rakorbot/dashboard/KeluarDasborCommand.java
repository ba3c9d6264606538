package id.rakorbot.dashboard;

import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import java.time.Clock;

/** {@code /keluar_dasbor}: ends all of the sender's dashboard sessions and unused links, on every device. */
final class KeluarDasborCommand implements Command {

  private final Clock clock;

  KeluarDasborCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "keluar_dasbor";
  }

  @Override
  public String description() {
    return "Keluar dari dasbor web di semua perangkat";
  }

  @Override
  public void handle(CommandContext context) {
    int ended = Access.endSessionsOf(context.handle(), context.user().getId(), clock.instant());
    context.reply(ended == 0 ? "Tidak ada sesi dasbor yang terbuka atas nama Bapak/Ibu. Tautan masuk yang belum dipakai sudah tidak berlaku."
        : "✅ " + ended + " sesi dasbor ditutup. Untuk masuk lagi kirim /dasbor.");
  }
}
