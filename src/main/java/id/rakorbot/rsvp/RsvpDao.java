package id.rakorbot.rsvp;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** RSVP's own rows about messages: the ones carrying its buttons ({@code rsvp_message}) and the deputy questions. */
@RegisterConstructorMapper(RsvpDao.Tally.class)
@RegisterConstructorMapper(RsvpDao.DeputyQuestion.class)
interface RsvpDao {

  /** A message whose tally changed and awaits its (coalesced) edit. */
  record Tally(long outboxId, long occurrenceId, String groupId, String baseHtml, String replyMarkup, String lastText) {}

  record DeputyQuestion(long occurrenceId, long userId) {}

  /**
   * Every message of a meeting shows its tally (officials tap whichever they see first). A message posted
   * after answers came in is marked changed, so that it shows them as soon as it is delivered.
   */
  @SqlUpdate("""
      INSERT INTO rsvp_message (outbox_id, occurrence_id, group_id, base_html, reply_markup, live, dirty_since)
      VALUES (:outboxId, :occurrenceId, :groupId, :baseHtml, CAST(:replyMarkup AS jsonb), true,
              CASE WHEN EXISTS (SELECT 1 FROM rsvp_answer WHERE occurrence_id = :occurrenceId) THEN now() END)
      ON CONFLICT (outbox_id) DO NOTHING""")
  void posted(long outboxId, long occurrenceId, String groupId, String baseHtml, String replyMarkup);

  /** Makes a message of this meeting show the tally; false when the message carries no buttons of this meeting. */
  @SqlUpdate("UPDATE rsvp_message SET live = true WHERE outbox_id = :outboxId AND occurrence_id = :occurrenceId")
  boolean makeLive(long outboxId, long occurrenceId);

  /** Makes the newest message of the meeting in each group show the tally (for answers given by command). */
  @SqlUpdate("""
      UPDATE rsvp_message SET live = true WHERE outbox_id IN (
          SELECT DISTINCT ON (group_id) outbox_id FROM rsvp_message WHERE occurrence_id = :occurrenceId
          ORDER BY group_id, outbox_id DESC)""")
  void makeNewestLive(long occurrenceId);

  @SqlUpdate("UPDATE rsvp_message SET dirty_since = coalesce(dirty_since, now()) WHERE occurrence_id = :occurrenceId AND live")
  void changed(long occurrenceId);

  @SqlQuery("""
      SELECT outbox_id, occurrence_id, group_id, base_html, reply_markup::text AS reply_markup, last_text
      FROM rsvp_message
      WHERE dirty_since <= now() - make_interval(secs => :quietSeconds)
      ORDER BY dirty_since LIMIT 20
      FOR UPDATE SKIP LOCKED""")
  List<Tally> dueForEdit(double quietSeconds);

  /** Not delivered yet: looked at again after the others. */
  @SqlUpdate("UPDATE rsvp_message SET dirty_since = now() WHERE outbox_id = :outboxId")
  void postpone(long outboxId);

  @SqlUpdate("UPDATE rsvp_message SET dirty_since = NULL, last_text = :text WHERE outbox_id = :outboxId")
  void edited(long outboxId, String text);

  @SqlUpdate("INSERT INTO rsvp_deputy_question (outbox_id, occurrence_id, user_id) VALUES (:outboxId, :occurrenceId, :userId)")
  void askedDeputy(long outboxId, long occurrenceId, long userId);

  @SqlQuery("SELECT occurrence_id, user_id FROM rsvp_deputy_question WHERE outbox_id = :outboxId")
  Optional<DeputyQuestion> deputyQuestion(long outboxId);

  /** An answer as stored: the newest of a person counts. */
  record StoredAnswer(long userId, String answer, String deputy, String reason) {}

  /** Records an answer (the history is kept; the newest counts). */
  @SqlQuery("""
      INSERT INTO rsvp_answer (occurrence_id, user_id, answer, deputy, reason)
      VALUES (:occurrenceId, :userId, :answer, :deputy, :reason) RETURNING id""")
  long answer(long occurrenceId, long userId, String answer, String deputy, String reason);

  /** Each person's newest answer for a meeting. */
  @SqlQuery("""
      SELECT DISTINCT ON (user_id) user_id, answer, deputy, reason
      FROM rsvp_answer WHERE occurrence_id = :occurrenceId
      ORDER BY user_id, id DESC""")
  @RegisterConstructorMapper(StoredAnswer.class)
  List<StoredAnswer> latestAnswers(long occurrenceId);

  /** Whether the bot announced or reminded of the meeting, or someone answered for it: its attendance was asked. */
  @SqlQuery("""
      SELECT EXISTS (SELECT 1 FROM rsvp_message WHERE occurrence_id = :occurrenceId)
          OR EXISTS (SELECT 1 FROM rsvp_answer WHERE occurrence_id = :occurrenceId)""")
  boolean attendanceAsked(long occurrenceId);
}
