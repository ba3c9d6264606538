package id.rakorbot.rsvp;

import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.schedule.Schedule;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.schedule.Sessions.Session;
import id.rakorbot.error.UserMistake;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Taking an answer, however it comes (button, command, reply): who may, until when, and what changes. */
final class Responses {

  private static final int MAX_TEXT = 200;

  private final Sessions sessions;

  Responses(Sessions sessions) {
    this.sessions = sessions;
  }

  Sessions sessions() {
    return sessions;
  }

  /**
   * Records {@code answer} of {@code userId} for {@code session}, as one of the people of {@code groups}.
   * Returns the id of the stored answer.
   */
  long answer(Handle handle, RakorbotConfig config, Session session, Collection<String> groups, long userId,
      Answer answer, String deputy, String reason) {
    Optional<Official> onRoster = config.official(userId);
    Optional<Official> official = onRoster
        .filter(o -> o.groups().stream().anyMatch(groups::contains))
        .filter(o -> o.groups().stream().anyMatch(session.schedule().groups()::contains));
    if (official.isEmpty()) {
      List<String> ownForums = onRoster.stream().flatMap(o -> o.groups().stream())
          .flatMap(id -> config.groups().stream().filter(g -> g.id().equals(id)))
          .map(g -> g.name() == null ? g.id() : g.name()).toList();
      throw new UserMistake(ownForums.isEmpty() ? RsvpTexts.notAMember(userId) : RsvpTexts.memberElsewhere(ownForums));
    }
    if (session.started(sessions.now())) {
      throw new UserMistake(RsvpTexts.alreadyStarted());
    }
    if (answer == Answer.DARING && session.schedule().mode() == Schedule.Mode.LURING) {
      throw new UserMistake("Rapat ini hanya luring (tatap muka). Pilih /hadir, /wakil nama atau /berhalangan alasan.");
    }
    long id = Attendance.record(handle, session.id(), userId, answer, clip(deputy), clip(reason));
    Tallies.changed(handle, session.id());
    return id;
  }

  private static String clip(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.strip();
    return trimmed.length() <= MAX_TEXT ? trimmed : trimmed.substring(0, MAX_TEXT);
  }
}
