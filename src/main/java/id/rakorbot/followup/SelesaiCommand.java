package id.rakorbot.followup;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.telegram.Photos;
import java.util.Optional;

/**
 * /selesai TL-… keterangan, optionally as the caption of a photo (the evidence): the owner closes an item;
 * the chat it was recorded in is told.
 */
final class SelesaiCommand implements Command {

  private final FollowUpService service;

  SelesaiCommand(FollowUpService service) {
    this.service = service;
  }

  @Override
  public String name() {
    return "selesai";
  }

  @Override
  public String description() {
    return "Pemilik: tutup tindak lanjut (TL-…), boleh dengan foto bukti";
  }

  @Override
  public void handle(CommandContext context) {
    ReportBack back = ReportBack.read(context, name());
    var message = context.message();
    Optional<String> photo = Photos.largest(message);
    var now = service.clock().instant();
    if (!FollowUps.close(context.handle(), back.item().id(), now)) {
      context.reply(FollowUpTexts.alreadyDone(back.item()));
      return;
    }
    Audit.command(context, now, Actions.ARAHAN_CLOSED, back.item().number(), photo.isPresent() ? "dengan foto bukti" : "");
    FollowUps.note(context.handle(), back.item().id(), "selesai", back.note(), photo, back.userId(), back.userName(), now, context.updateId());
    context.reply(FollowUpTexts.closed(back.item(), photo.isPresent()));
    if (back.item().chatId() != message.getChatId()) {
      service.toChat(context.handle(), back.item().chatId(), FollowUpTexts.closedNotice(back.item(), back.userName(), back.note()),
          Priority.BULK, Optional.of("tl:" + back.item().number() + ":closed:" + context.updateId()));
    }
  }
}
