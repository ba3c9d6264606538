package id.rakorbot.warning;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.error.UserMistake;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import id.rakorbot.response.ResponseTimes;

/** /peringatan: the open early warnings; {@code /peringatan tutup PD-… catatan} for admins. */
final class PeringatanCommand implements Command {

  private final Clock clock;
  private final id.rakorbot.response.AlertDesk desk;

  PeringatanCommand(Clock clock, id.rakorbot.response.AlertDesk desk) {
    this.clock = clock;
    this.desk = desk;
  }

  @Override
  public String name() {
    return "peringatan";
  }

  @Override
  public String description() {
    return "Peringatan dini yang aktif";
  }

  @Override
  public void handle(CommandContext context) {
    var zone = context.config().bot().zone();
    String[] words = context.arguments().strip().split("\\s+", 3);
    if (words[0].isEmpty()) {
      if (context.official().isEmpty()) {
        throw new UserMistake("Maaf, peringatan dini hanya untuk anggota yang terdaftar.");
      }
      List<EarlyWarning> open = EarlyWarnings.open(context.handle());
      context.reply(WarningTexts.list(open, zone, ResponseTimes.states(context.handle(), open.stream().map(EarlyWarning::number).toList())));
      return;
    }
    if (!words[0].toLowerCase(Locale.ROOT).equals("tutup") || words.length < 2) {
      throw new UserMistake(WarningTexts.usage());
    }
    context.requireAdmin(WarningTexts.adminsOnly());
    EarlyWarning warning = EarlyWarnings.byNumber(context.handle(), words[1]).orElseThrow(() -> new UserMistake(WarningTexts.unknown(words[1])));
    String note = words.length > 2 ? words[2] : "ditangani";
    boolean closed = EarlyWarnings.close(context.handle(), warning.id(), context.user().getId(), note, clock.instant());
    if (closed) {
      Audit.command(context, clock.instant(), Actions.WARNING_CLOSED, warning.number(), note == null || note.isBlank() ? "" : "dengan catatan");
      desk.closedElsewhere(context.handle(), context.config(), warning.number(), context.user().getId(), note);
    }
    context.reply(closed ? WarningTexts.closed(warning) : WarningTexts.notOpen(warning));
  }
}
