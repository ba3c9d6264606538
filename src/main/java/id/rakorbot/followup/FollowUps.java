package id.rakorbot.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code follow_up} table and its notes. */
public final class FollowUps {

  private static final String COLUMNS = """
      f.id, f.number, f.occurrence_id, f.schedule_id, f.chat_id, f.owner_user_id, f.owner_unit, f.owner_name, f.description,
      f.due_on, f.status, f.recorded_at, f.done_at,
      (SELECT count(*) FROM follow_up_note n WHERE n.follow_up_id = f.id AND n.kind = 'progres') AS progress_notes""";

  /** What a new item holds. */
  record NewFollowUp(Optional<Long> occurrenceId, Optional<String> scheduleId, long chatId, Owner owner, String description,
      LocalDate dueOn, long recordedBy, String recordedByName, long updateId) {}

  private FollowUps() {}

  /** Stores an item numbered {@code TL-<year>-<0012>} (per year, without gaps); empty when the update stored one before. */
  static Optional<FollowUp> insert(Handle handle, NewFollowUp item, Instant now, int year) {
    if (handle.createQuery("SELECT 1 FROM follow_up WHERE update_id = :u").bind("u", item.updateId()).mapTo(Integer.class).findOne().isPresent()) {
      return Optional.empty();
    }
    int sequence = handle.createQuery("""
            INSERT INTO follow_up_counter AS c (year, last) VALUES (:year, 1)
            ON CONFLICT (year) DO UPDATE SET last = c.last + 1 RETURNING last""")
        .bind("year", year).mapTo(Integer.class).one();
    String number = "TL-" + year + "-" + String.format(Locale.ROOT, "%04d", sequence);
    long id = handle.createUpdate("""
            INSERT INTO follow_up (number, occurrence_id, schedule_id, chat_id, owner_user_id, owner_unit, owner_name, description,
                                   due_on, recorded_by, recorded_by_name, recorded_at, update_id)
            VALUES (:number, :occurrence, :schedule, :chat, :ownerUser, :ownerUnit, :ownerName, :description, :due, :by, :byName,
                    :now, :update)""")
        .bind("number", number).bind("occurrence", item.occurrenceId().orElse(null)).bind("schedule", item.scheduleId().orElse(null))
        .bind("chat", item.chatId()).bind("ownerUser", item.owner().userId().orElse(null)).bind("ownerUnit", item.owner().unit().orElse(null))
        .bind("ownerName", item.owner().name()).bind("description", item.description()).bind("due", item.dueOn())
        .bind("by", item.recordedBy()).bind("byName", item.recordedByName()).bind("now", now.atOffset(java.time.ZoneOffset.UTC))
        .bind("update", item.updateId())
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    return byId(handle, id);
  }

  static Optional<FollowUp> byId(Handle handle, long id) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM follow_up f WHERE f.id = :id").bind("id", id).map((rs, ctx) -> read(rs)).findOne();
  }

  static Optional<FollowUp> byNumber(Handle handle, String number) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM follow_up f WHERE f.number = :number")
        .bind("number", number.strip().toUpperCase(Locale.ROOT)).map((rs, ctx) -> read(rs)).findOne();
  }

  /** Open items some of these people answer for, directly or through a unit; by deadline. */
  static List<FollowUp> openFor(Handle handle, long userId, Collection<String> units) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM follow_up f WHERE f.status = 'open' AND (f.owner_user_id = :user"
            + " OR f.owner_unit = ANY(:units)) ORDER BY f.due_on, f.id")
        .bind("user", userId).bindArray("units", String.class, units).map((rs, ctx) -> read(rs)).list();
  }

  /** Open items of meetings of these schedules, or recorded in this chat; by deadline. */
  public static List<FollowUp> openOf(Handle handle, Collection<String> scheduleIds, long chatId) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM follow_up f WHERE f.status = 'open' AND (f.schedule_id = ANY(:schedules)"
            + " OR f.chat_id = :chat) ORDER BY f.due_on, f.id")
        .bind("chat", chatId).bindArray("schedules", String.class, scheduleIds).map((rs, ctx) -> read(rs)).list();
  }

  /** Every open item; by deadline. */
  public static List<FollowUp> open(Handle handle) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM follow_up f WHERE f.status = 'open' ORDER BY f.due_on, f.id")
        .map((rs, ctx) -> read(rs)).list();
  }

  /** The items given at one meeting, by number. */
  public static List<FollowUp> ofMeeting(Handle handle, long occurrenceId) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM follow_up f WHERE f.occurrence_id = :o ORDER BY f.id")
        .bind("o", occurrenceId).map((rs, ctx) -> read(rs)).list();
  }

  /** Items closed in {@code [from, to)} among those of these schedules or this chat. */
  public static long doneBetween(Handle handle, Collection<String> scheduleIds, long chatId, Instant from, Instant to) {
    return handle.createQuery("SELECT count(*) FROM follow_up f WHERE f.status = 'done' AND f.done_at >= :from AND f.done_at < :to"
            + " AND (f.schedule_id = ANY(:schedules) OR f.chat_id = :chat)")
        .bind("from", from.atOffset(java.time.ZoneOffset.UTC)).bind("to", to.atOffset(java.time.ZoneOffset.UTC))
        .bind("chat", chatId).bindArray("schedules", String.class, scheduleIds).mapTo(Long.class).one();
  }

  /** Adds a note; false when this update added one before. */
  static boolean note(Handle handle, long id, String kind, String text, Optional<String> photo, long by, String byName, Instant now,
      Long updateId) {
    return handle.createUpdate("""
            INSERT INTO follow_up_note (follow_up_id, kind, text, photo_file_id, by_user, by_name, noted_at, update_id)
            VALUES (:id, :kind, :text, :photo, :by, :byName, :now, :update) ON CONFLICT (update_id) DO NOTHING""")
        .bind("id", id).bind("kind", kind).bind("text", text).bind("photo", photo.orElse(null)).bind("by", by).bind("byName", byName)
        .bind("now", now.atOffset(java.time.ZoneOffset.UTC)).bind("update", updateId).execute() == 1;
  }

  /** The latest note of an item, "kind: text", if any. */
  static Optional<String> latestNote(Handle handle, long id) {
    return handle.createQuery("SELECT text FROM follow_up_note WHERE follow_up_id = :id ORDER BY noted_at DESC, id DESC LIMIT 1")
        .bind("id", id).mapTo(String.class).findOne();
  }

  /** Marks an open item done; false if it was done already. */
  static boolean close(Handle handle, long id, Instant now) {
    return handle.createUpdate("UPDATE follow_up SET status = 'done', done_at = :now WHERE id = :id AND status = 'open'")
        .bind("id", id).bind("now", now.atOffset(java.time.ZoneOffset.UTC)).execute() == 1;
  }

  /** Opens a done item again, optionally with a new deadline; its reminders start over. */
  static boolean reopen(Handle handle, long id, Optional<LocalDate> dueOn) {
    return handle.createUpdate("""
            UPDATE follow_up SET status = 'open', done_at = NULL, reminded = '{}', due_on = coalesce(:due, due_on)
            WHERE id = :id AND status = 'done'""")
        .bind("id", id).bind("due", dueOn.orElse(null)).execute() == 1;
  }

  /** Gives an item to another owner; the new owner's reminders start over. */
  static void reassign(Handle handle, long id, Owner owner) {
    handle.createUpdate("""
            UPDATE follow_up SET owner_user_id = :user, owner_unit = :unit, owner_name = :name, reminded = '{}' WHERE id = :id""")
        .bind("id", id).bind("user", owner.userId().orElse(null)).bind("unit", owner.unit().orElse(null)).bind("name", owner.name())
        .execute();
  }

  /**
   * Claims reminder {@code code} of the open items whose moment has come (deadline within {@code daysBefore}
   * days, or past it when negative) and that did not get it yet: each claim is made once, by whichever
   * instance gets there first, in the transaction that queues the reminder. Items recorded since
   * {@code recordedBefore} wait: their owner was just told.
   */
  static List<FollowUp> claimReminders(Handle handle, String code, LocalDate today, int daysBefore, int notEarlierThan,
      Instant recordedBefore) {
    List<Long> ids = handle.createQuery("""
            UPDATE follow_up SET reminded = array_append(reminded, :code)
            WHERE status = 'open' AND NOT (:code = ANY(reminded)) AND recorded_at < :recordedBefore
              AND due_on - :today <= :daysBefore AND due_on - :today >= :notEarlierThan
            RETURNING id""")
        .bind("code", code).bind("today", today).bind("recordedBefore", recordedBefore.atOffset(java.time.ZoneOffset.UTC)).bind("daysBefore", daysBefore).bind("notEarlierThan", notEarlierThan)
        .mapTo(Long.class).list();
    return ids.stream().sorted().flatMap(id -> byId(handle, id).stream()).toList();
  }

  /** Claims the weekly overdue list of a group for a week; false when it was sent already. */
  static boolean claimWeeklyList(Handle handle, String week, String groupId) {
    return handle.createUpdate("INSERT INTO follow_up_weekly_list (week, group_id) VALUES (:week, :group) ON CONFLICT DO NOTHING")
        .bind("week", week).bind("group", groupId).execute() == 1;
  }

  private static FollowUp read(ResultSet rs) throws SQLException {
    long occurrence = rs.getLong("occurrence_id");
    Optional<Long> occurrenceId = rs.wasNull() ? Optional.empty() : Optional.of(occurrence);
    long user = rs.getLong("owner_user_id");
    Optional<Long> ownerUser = rs.wasNull() ? Optional.empty() : Optional.of(user);
    return new FollowUp(rs.getLong("id"), rs.getString("number"), occurrenceId, Optional.ofNullable(rs.getString("schedule_id")),
        rs.getLong("chat_id"), new Owner(ownerUser, Optional.ofNullable(rs.getString("owner_unit")), rs.getString("owner_name")),
        rs.getString("description"), rs.getObject("due_on", LocalDate.class), "done".equals(rs.getString("status")),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        Optional.ofNullable(rs.getObject("done_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant), rs.getInt("progress_notes"));
  }
}
