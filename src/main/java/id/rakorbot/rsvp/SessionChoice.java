package id.rakorbot.rsvp;

import id.rakorbot.schedule.Sessions;
import id.rakorbot.schedule.Sessions.Session;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.error.UserMistake;
import java.util.List;
import java.util.Optional;

/**
 * Which meeting a command means: a leading session number ("/hadir 12"), else the next meeting of this
 * group (in a group) or of the user's groups (in private), else, where asked, the latest that began.
 *
 * @param rest the arguments after the session number
 */
record SessionChoice(Session session, List<String> groups, String rest) {

  static SessionChoice of(CommandContext context, Sessions sessions, boolean orLatest) {
    String[] words = context.arguments().split("\\s+", 2);
    boolean numbered = words[0].matches("\\d{1,18}");
    String rest = numbered ? (words.length > 1 ? words[1] : "") : context.arguments();
    List<String> groups = context.group().map(g -> List.of(g.id()))
        .orElseGet(() -> context.official().map(o -> o.groups()).orElse(List.of()));
    Optional<Session> session;
    if (numbered) {
      session = sessions.byId(context.handle(), Long.parseLong(words[0]));
      if (session.isEmpty()) {
        throw new UserMistake(RsvpTexts.unknownSession(words[0]));
      }
    } else {
      session = sessions.next(context.handle(), groups);
      if (session.isEmpty() && orLatest) {
        session = sessions.latestStarted(context.handle(), groups);
      }
    }
    return new SessionChoice(session.orElseThrow(() -> new UserMistake(RsvpTexts.noSession())), groups, rest.strip());
  }
}
