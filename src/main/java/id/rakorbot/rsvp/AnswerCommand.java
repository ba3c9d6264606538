package id.rakorbot.rsvp;

import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.error.UserMistake;
import java.util.List;

/** /hadir, /daring, /wakil nama, /berhalangan [alasan]: the text way to answer, for any client. */
final class AnswerCommand implements Command {

  private final Answer answer;
  private final Responses responses;

  private AnswerCommand(Answer answer, Responses responses) {
    this.answer = answer;
    this.responses = responses;
  }

  static List<Command> all(Responses responses) {
    return List.of(new AnswerCommand(Answer.HADIR, responses), new AnswerCommand(Answer.DARING, responses),
        new AnswerCommand(Answer.DIWAKILKAN, responses), new AnswerCommand(Answer.BERHALANGAN, responses));
  }

  @Override
  public String name() {
    return answer == Answer.DIWAKILKAN ? "wakil" : answer.key();
  }

  @Override
  public String description() {
    return switch (answer) {
      case HADIR -> "Saya hadir langsung [nomor sesi]";
      case DARING -> "Saya ikut daring [nomor sesi]";
      case DIWAKILKAN -> "Saya diwakilkan: /wakil [nomor sesi] nama, jabatan";
      case BERHALANGAN -> "Saya berhalangan [nomor sesi] [alasan]";
    };
  }

  @Override
  public void handle(CommandContext context) {
    SessionChoice choice = SessionChoice.of(context, responses.sessions(), false);
    if (answer == Answer.DIWAKILKAN && choice.rest().isEmpty()) {
      throw new UserMistake(RsvpTexts.deputyNeeded());
    }
    String deputy = answer == Answer.DIWAKILKAN ? choice.rest() : null;
    String reason = answer == Answer.BERHALANGAN ? choice.rest() : null;
    Tallies.trackNewest(context.handle(), choice.session().id());
    responses.answer(context.handle(), context.config(), choice.session(), choice.groups(), context.user().getId(),
        answer, deputy, reason);
    String detail = deputy != null ? " oleh " + escape(deputy) : reason != null && !reason.isEmpty() ? " (" + escape(reason) + ")" : "";
    context.reply(RsvpTexts.answered(answer, choice.session(), detail));
  }
}
