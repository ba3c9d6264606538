package id.rakorbot.reload;

import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;

/** /muat_ulang: an admin applies the edited config file now. */
final class ReloadCommand implements Command {

  private final ConfigReloader reloader;

  ReloadCommand(ConfigReloader reloader) {
    this.reloader = reloader;
  }

  @Override
  public String name() {
    return "muat_ulang";
  }

  @Override
  public String description() {
    return "Admin: muat ulang berkas konfigurasi dan jadwal";
  }

  @Override
  public void handle(CommandContext context) {
    context.requireAdmin("Perintah /muat_ulang khusus untuk admin Bakesbangpol.");
    context.reply(reloader.reload(java.util.Optional.of(context)).message());
  }
}
