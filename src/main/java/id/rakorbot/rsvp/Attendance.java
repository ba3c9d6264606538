package id.rakorbot.rsvp;

import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.Role;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Answers as stored: the history, and the latest answer of each person for a meeting. */
public final class Attendance {

  /** A person's latest answer. */
  public record Reply(long userId, Answer answer, Optional<String> deputy, Optional<String> reason) {}

  /** Who was expected and what each answered; the basis of tallies, lists and the weekly digest. */
  public record Roll(List<Official> expected, Map<Long, Reply> replies) {

    public List<Official> with(Answer answer) {
      return expected.stream().filter(o -> replies.containsKey(o.userId()) && replies.get(o.userId()).answer() == answer).toList();
    }

    public List<Official> silent() {
      return expected.stream().filter(o -> !replies.containsKey(o.userId())).toList();
    }

    public long answered() {
      return expected.size() - silent().size();
    }

    /** "hadir 3 · daring 1 · diwakilkan 0 · berhalangan 1 · tanpa kabar 2": how the digest and the briefing sum a meeting up. */
    public String counts() {
      return "hadir " + with(Answer.HADIR).size() + " · daring " + with(Answer.DARING).size()
          + " · diwakilkan " + with(Answer.DIWAKILKAN).size() + " · berhalangan " + with(Answer.BERHALANGAN).size()
          + " · tanpa kabar " + silent().size();
    }
  }

  private Attendance() {}

  static long record(Handle handle, long occurrenceId, long userId, Answer answer, String deputy, String reason) {
    return handle.attach(RsvpDao.class).answer(occurrenceId, userId, answer.key(), deputy, reason);
  }

  static Map<Long, Reply> latest(Handle handle, long occurrenceId) {
    Map<Long, Reply> replies = new LinkedHashMap<>();
    for (RsvpDao.StoredAnswer a : handle.attach(RsvpDao.class).latestAnswers(occurrenceId)) {
      replies.put(a.userId(), new Reply(a.userId(), Answer.byKey(a.answer()), Optional.ofNullable(a.deputy()), Optional.ofNullable(a.reason())));
    }
    return replies;
  }

  /**
   * The roll of a meeting whose attendance the bot asked for (it announced or reminded of it, or someone answered);
   * empty for one it never announced (recorded only for its arahan, say), where "tanpa kabar" would mean nothing.
   */
  public static Optional<Roll> asked(Handle handle, long occurrenceId, RakorbotConfig config, Collection<String> groupIds) {
    return handle.attach(RsvpDao.class).attendanceAsked(occurrenceId)
        ? Optional.of(roll(handle, occurrenceId, config, groupIds)) : Optional.empty();
  }

  /**
   * The roll of a meeting for the people of these groups: those with role {@code peserta} are expected;
   * another member of the group who answered anyway (an admin, a reporter) is listed with the answer but
   * never counted as silent or nudged.
   */
  public static Roll roll(Handle handle, long occurrenceId, RakorbotConfig config, Collection<String> groupIds) {
    Map<Long, Reply> replies = latest(handle, occurrenceId);
    List<Official> expected = config.roster().stream()
        .filter(o -> o.groups().stream().anyMatch(groupIds::contains))
        .filter(o -> o.has(Role.PESERTA) || replies.containsKey(o.userId()))
        .toList();
    return new Roll(expected, replies);
  }
}
