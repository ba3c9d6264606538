package id.rakorbot.privacy;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.error.UserMistake;
import id.rakorbot.outbox.OutgoingFile;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import java.time.Clock;
import java.util.Optional;

/**
 * /data_saya: everything stored about the asker, as a JSON document in their private chat. The outbox forgets the
 * file once sent, so the export leaves no second copy behind; the export itself is in the audit trail.
 */
final class DataSayaCommand implements Command {

  private final Clock clock;

  DataSayaCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "data_saya";
  }

  @Override
  public String description() {
    return "Salinan seluruh data Anda yang disimpan bot (lewat chat pribadi)";
  }

  @Override
  public boolean refusesBeforeWriting() {
    return true;
  }

  @Override
  public void handle(CommandContext context) {
    if (!context.isPrivate()) {
      throw new UserMistake(PrivacyTexts.privateOnly(name()));
    }
    long userId = context.user().getId();
    var now = clock.instant();
    byte[] file = PersonalData.of(context.handle(), context.config(), userId, now);
    var sent = context.outbox().enqueueFile(context.handle(), context.message().getChatId(), Optional.empty(),
        OutgoingFile.document("data-saya-" + now.atZone(context.config().bot().zone()).toLocalDate() + ".json", file,
            PrivacyTexts.exportCaption()), Priority.REPLY, Optional.empty());
    sent.ifPresent(id -> context.outbox().forgetOnceSent(context.handle(), id));
    Audit.command(context, now, Actions.DATA_EXPORTED, "data_saya", file.length + " bita");
  }
}
