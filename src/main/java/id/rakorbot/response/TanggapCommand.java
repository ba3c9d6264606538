package id.rakorbot.response;

import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import java.time.Clock;

/** /tanggap (admin, pimpinan): the alerts still open, how old, who holds them, and how far each climbed. */
final class TanggapCommand implements Command {

  static final int SHOWN = 20;

  private final Clock clock;

  TanggapCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "tanggap";
  }

  @Override
  public String description() {
    return "Admin/pimpinan: peringatan yang masih terbuka dan siapa yang menanganinya";
  }

  @Override
  public boolean refusesBeforeWriting() {
    return true;
  }

  @Override
  public void handle(CommandContext context) {
    if (context.official().filter(o -> o.has(id.rakorbot.config.Role.ADMIN) || o.has(id.rakorbot.config.Role.PIMPINAN)).isEmpty()) {
      throw new id.rakorbot.error.UserMistake("Maaf, /tanggap hanya untuk admin dan pimpinan.");
    }
    AlertDao dao = AlertDesk.dao(context.handle());
    context.reply(ResponseTexts.openList(dao.notDone(SHOWN), dao.notDoneCount(), clock.instant(), context.config().bot().zone()));
  }
}
