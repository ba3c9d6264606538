package id.rakorbot.followup;

import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import java.util.Optional;

/** /progres TL-… keterangan: the owner (or a notulis or admin) notes how far an item has come. */
final class ProgresCommand implements Command {

  private final FollowUpService service;

  ProgresCommand(FollowUpService service) {
    this.service = service;
  }

  @Override
  public String name() {
    return "progres";
  }

  @Override
  public String description() {
    return "Pemilik: catat kemajuan tindak lanjut (TL-…)";
  }

  @Override
  public void handle(CommandContext context) {
    ReportBack back = ReportBack.read(context, name());
    FollowUps.note(context.handle(), back.item().id(), "progres", back.note(), Optional.empty(), back.userId(), back.userName(),
        service.clock().instant(), context.updateId());
    context.reply(FollowUpTexts.progressNoted(back.item()));
  }
}
