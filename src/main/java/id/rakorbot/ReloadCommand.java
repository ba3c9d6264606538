package id.rakorbot;

import id.rakorbot.config.Role;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.telegram.UserMistake;

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
    if (context.official().filter(o -> o.has(Role.ADMIN)).isEmpty()) {
      throw new UserMistake("Perintah /muat_ulang khusus untuk admin Bakesbangpol.");
    }
    context.reply(reloader.reload().message());
  }
}
