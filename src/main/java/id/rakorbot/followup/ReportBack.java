package id.rakorbot.followup;

import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.Role;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.error.UserMistake;
import java.util.Optional;

/** What /progres and /selesai share: the item named by the first word, the note after it, who may speak for it. */
record ReportBack(FollowUp item, String note, long userId, String userName) {

  static ReportBack read(CommandContext context, String command) {
    String[] words = context.arguments().strip().split("\\s+", 2);
    if (words[0].isBlank() || words.length < 2 || words[1].isBlank()) {
      throw new UserMistake(FollowUpTexts.needsNote(command));
    }
    FollowUp item = FollowUps.byNumber(context.handle(), words[0]).orElseThrow(() -> new UserMistake(FollowUpTexts.unknownItem(words[0])));
    long user = context.user().getId();
    mayReport(item, context.config(), user, context.official());
    String name = context.official().map(Official::name).orElse(context.user().getFirstName());
    return new ReportBack(item, words[1].strip(), user, name);
  }

  /** The owner, a notulis or an admin may report on an open item; anyone else is told who may. */
  static void mayReport(FollowUp item, RakorbotConfig config, long user, Optional<Official> official) {
    boolean staff = official.filter(o -> o.has(Role.ADMIN) || o.has(Role.NOTULIS)).isPresent();
    if (!staff && !item.owner().answersFor(user, config)) {
      throw new UserMistake(FollowUpTexts.notOwner(item));
    }
    if (item.done()) {
      throw new UserMistake(FollowUpTexts.alreadyDone(item));
    }
  }
}
