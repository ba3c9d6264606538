package id.rakorbot.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The follow-up tables: {@code follow_up} (read through the view {@code follow_up_item} of V17), its notes, the
 * yearly counter of its numbers, and the weekly overdue lists already sent.
 */
@RegisterConstructorMapper(FollowUpDao.Item.class)
interface FollowUpDao {

  /** An item as stored. */
  record Item(long id, String number, Long occurrenceId, String scheduleId, long chatId, Long ownerUserId, String ownerUnit,
      String ownerName, String description, LocalDate dueOn, String status, Instant recordedAt, Instant doneAt, int progressNotes) {

    FollowUp followUp() {
      return new FollowUp(id, number, Optional.ofNullable(occurrenceId), Optional.ofNullable(scheduleId), chatId,
          new Owner(Optional.ofNullable(ownerUserId), Optional.ofNullable(ownerUnit), ownerName), description, dueOn,
          "done".equals(status), recordedAt, Optional.ofNullable(doneAt), progressNotes);
    }
  }

  @SqlQuery("SELECT EXISTS (SELECT 1 FROM follow_up WHERE update_id = :updateId)")
  boolean storedBy(long updateId);

  /** The next number of {@code year}, without gaps between instances (the counter row is locked until commit). */
  @SqlQuery("""
      INSERT INTO follow_up_counter AS c (year, last) VALUES (:year, 1)
      ON CONFLICT (year) DO UPDATE SET last = c.last + 1 RETURNING last""")
  int nextNumber(int year);

  @SqlUpdate("""
      INSERT INTO follow_up (number, occurrence_id, schedule_id, chat_id, owner_user_id, owner_unit, owner_name, description,
                             due_on, recorded_by, recorded_by_name, recorded_at, update_id)
      VALUES (:number, :occurrenceId, :scheduleId, :chatId, :ownerUserId, :ownerUnit, :ownerName, :description, :dueOn,
              :recordedBy, :recordedByName, :now, :updateId)""")
  @GetGeneratedKeys("id")
  long insert(String number, Long occurrenceId, String scheduleId, long chatId, Long ownerUserId, String ownerUnit,
      String ownerName, String description, LocalDate dueOn, long recordedBy, String recordedByName, Instant now, long updateId);

  @SqlQuery("SELECT * FROM follow_up_item WHERE id = :id")
  Optional<Item> byId(long id);

  @SqlQuery("SELECT * FROM follow_up_item WHERE number = :number")
  Optional<Item> byNumber(String number);

  /** Open items a person answers for, directly or through one of {@code units}; by deadline. */
  @SqlQuery("""
      SELECT * FROM follow_up_item WHERE status = 'open' AND (owner_user_id = :userId OR owner_unit = ANY(CAST(:units AS text[])))
      ORDER BY due_on, id""")
  List<Item> openFor(long userId, String[] units);

  /** Open items of meetings of these schedules, or recorded in this chat; by deadline. */
  @SqlQuery("""
      SELECT * FROM follow_up_item WHERE status = 'open' AND (schedule_id = ANY(CAST(:schedules AS text[])) OR chat_id = :chatId)
      ORDER BY due_on, id""")
  List<Item> openOf(String[] schedules, long chatId);

  @SqlQuery("SELECT * FROM follow_up_item WHERE status = 'open' ORDER BY due_on, id")
  List<Item> open();

  @SqlQuery("SELECT * FROM follow_up_item WHERE occurrence_id = :occurrenceId ORDER BY id")
  List<Item> ofMeeting(long occurrenceId);

  @SqlQuery("""
      SELECT count(*) FROM follow_up WHERE status = 'done' AND done_at >= :from AND done_at < :to
        AND (schedule_id = ANY(CAST(:schedules AS text[])) OR chat_id = :chatId)""")
  long doneBetween(String[] schedules, long chatId, Instant from, Instant to);

  /** Adds a note; false when this update added one before. */
  @SqlUpdate("""
      INSERT INTO follow_up_note (follow_up_id, kind, text, photo_file_id, by_user, by_name, noted_at, update_id)
      VALUES (:id, :kind, :text, :photo, :by, :byName, :now, :updateId) ON CONFLICT (update_id) DO NOTHING""")
  boolean note(long id, String kind, String text, String photo, long by, String byName, Instant now, Long updateId);

  @SqlQuery("SELECT text FROM follow_up_note WHERE follow_up_id = :id ORDER BY noted_at DESC, id DESC LIMIT 1")
  Optional<String> lastNote(long id);

  @SqlUpdate("UPDATE follow_up SET status = 'done', done_at = :now WHERE id = :id AND status = 'open'")
  boolean close(long id, Instant now);

  @SqlUpdate("""
      UPDATE follow_up SET status = 'open', done_at = NULL, reminded = '{}', due_on = coalesce(:dueOn, due_on)
      WHERE id = :id AND status = 'done'""")
  boolean reopen(long id, LocalDate dueOn);

  @SqlUpdate("""
      UPDATE follow_up SET owner_user_id = :userId, owner_unit = :unit, owner_name = :name, reminded = '{}' WHERE id = :id""")
  void reassign(long id, Long userId, String unit, String name);

  /** Claims reminder {@code code} of the open items whose moment has come; their ids. */
  @SqlQuery("""
      UPDATE follow_up SET reminded = array_append(reminded, :code)
      WHERE status = 'open' AND NOT (:code = ANY(reminded)) AND recorded_at < :recordedBefore
        AND due_on - :today <= :daysBefore AND due_on - :today >= :notEarlierThan
      RETURNING id""")
  List<Long> claimReminders(String code, LocalDate today, int daysBefore, int notEarlierThan, Instant recordedBefore);

  @SqlUpdate("INSERT INTO follow_up_weekly_list (week, group_id) VALUES (:week, :groupId) ON CONFLICT DO NOTHING")
  boolean claimWeeklyList(String week, String groupId);

  @SqlUpdate("INSERT INTO follow_up_escalation (follow_up_id, step, sent_at) VALUES (:id, :step, :at) ON CONFLICT DO NOTHING")
  boolean claimEscalation(long id, String step, Instant at);
}
