package id.rakorbot.rsvp;

import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;

/** /kehadiran [nomor sesi]: who answered what, and after the meeting the summary. */
final class KehadiranCommand implements Command {

  private final Responses responses;

  KehadiranCommand(Responses responses) {
    this.responses = responses;
  }

  @Override
  public String name() {
    return "kehadiran";
  }

  @Override
  public boolean answersOnlyTheAsker() {
    return true;
  }

  @Override
  public String description() {
    return "Daftar kehadiran rapat [nomor sesi]";
  }

  @Override
  public void handle(CommandContext context) {
    SessionChoice choice = SessionChoice.of(context, responses.sessions(), true);
    var groups = context.group().isPresent() ? choice.groups() : choice.session().schedule().groups();
    var roll = Attendance.roll(context.handle(), choice.session().id(), context.config(), groups);
    context.reply(RsvpTexts.attendance(choice.session(), roll, choice.session().ended(responses.sessions().now())));
  }
}
