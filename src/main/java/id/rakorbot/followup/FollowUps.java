package id.rakorbot.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import id.rakorbot.photo.FormPhoto;
import org.jdbi.v3.core.Handle;

/** The follow-ups as the feature and its readers (the digest, the bahan rapat, the dashboard) ask for them; see {@link FollowUpDao}. */
public final class FollowUps {

  /** What a new item holds. */
  record NewFollowUp(Optional<Long> occurrenceId, Optional<String> scheduleId, long chatId, Owner owner, String description,
      LocalDate dueOn, long recordedBy, String recordedByName, long updateId) {}

  private FollowUps() {}

  /** Stores an item numbered {@code TL-<year>-<0012>} (per year, without gaps); empty when the update stored one before. */
  static Optional<FollowUp> insert(Handle handle, NewFollowUp item, Instant now, int year) {
    FollowUpDao dao = dao(handle);
    if (dao.storedBy(item.updateId())) {
      return Optional.empty();
    }
    String number = "TL-" + year + "-" + String.format(Locale.ROOT, "%04d", dao.nextNumber(year));
    long id = dao.insert(number, item.occurrenceId().orElse(null), item.scheduleId().orElse(null), item.chatId(),
        item.owner().userId().orElse(null), item.owner().unit().orElse(null), item.owner().name(), item.description(), item.dueOn(),
        item.recordedBy(), item.recordedByName(), now, item.updateId());
    return byId(handle, id);
  }

  static Optional<FollowUp> byId(Handle handle, long id) {
    return dao(handle).byId(id).map(FollowUpDao.Item::followUp);
  }

  static Optional<FollowUp> byNumber(Handle handle, String number) {
    return dao(handle).byNumber(number.strip().toUpperCase(Locale.ROOT)).map(FollowUpDao.Item::followUp);
  }

  /** Open items some of these people answer for, directly or through a unit; by deadline. */
  static List<FollowUp> openFor(Handle handle, long userId, Collection<String> units) {
    return items(dao(handle).openFor(userId, units.toArray(String[]::new)));
  }

  /** Open items of meetings of these schedules, or recorded in this chat; by deadline. */
  public static List<FollowUp> openOf(Handle handle, Collection<String> scheduleIds, long chatId) {
    return items(dao(handle).openOf(scheduleIds.toArray(String[]::new), chatId));
  }

  /** Every open item; by deadline. */
  public static List<FollowUp> open(Handle handle) {
    return items(dao(handle).open());
  }

  /** The items given at one meeting, by number. */
  public static List<FollowUp> ofMeeting(Handle handle, long occurrenceId) {
    return items(dao(handle).ofMeeting(occurrenceId));
  }

  /** Items closed in {@code [from, to)} among those of these schedules or this chat. */
  public static long doneBetween(Handle handle, Collection<String> scheduleIds, long chatId, Instant from, Instant to) {
    return dao(handle).doneBetween(scheduleIds.toArray(String[]::new), chatId, from, to);
  }

  /** Adds a note; false when this update added one before. */
  static boolean note(Handle handle, long id, String kind, String text, Optional<String> photo, long by, String byName, Instant now,
      Long updateId) {
    return dao(handle).note(id, kind, text, photo.orElse(null), by, byName, now, updateId);
  }

  /** The note a form draft (its once-only key) added, if it did. */
  static Optional<Long> noteOfUpdate(Handle handle, long updateId) {
    return handle.createQuery("SELECT id FROM follow_up_note WHERE update_id = :key").bind("key", updateId).mapTo(Long.class).findOne();
  }

  /** A closing photo from the form, kept as bytes. */
  static void addPhoto(Handle handle, long noteId, FormPhoto photo) {
    handle.createUpdate("INSERT INTO follow_up_photo (note_id, media_type, width, height, content) VALUES (:note, :type, :w, :h, :content)")
        .bind("note", noteId).bind("type", FormPhoto.MEDIA_TYPE).bind("w", photo.width()).bind("h", photo.height())
        .bind("content", photo.content()).execute();
  }

  /** The latest note of an item, if any. */
  static Optional<String> latestNote(Handle handle, long id) {
    return dao(handle).lastNote(id);
  }

  /** Marks an open item done; false if it was done already. */
  static boolean close(Handle handle, long id, Instant now) {
    return dao(handle).close(id, now);
  }

  /** Opens a done item again, optionally with a new deadline; its reminders start over. */
  static boolean reopen(Handle handle, long id, Optional<LocalDate> dueOn) {
    return dao(handle).reopen(id, dueOn.orElse(null));
  }

  /** Gives an item to another owner; the new owner's reminders start over. */
  static void reassign(Handle handle, long id, Owner owner) {
    dao(handle).reassign(id, owner.userId().orElse(null), owner.unit().orElse(null), owner.name());
  }

  /**
   * Claims reminder {@code code} of the open items whose moment has come (deadline within {@code daysBefore}
   * days, or past it when negative) and that did not get it yet: each claim is made once, by whichever
   * instance gets there first, in the transaction that queues the reminder. Items recorded since
   * {@code recordedBefore} wait: their owner was just told.
   */
  static List<FollowUp> claimReminders(Handle handle, String code, LocalDate today, int daysBefore, int notEarlierThan,
      Instant recordedBefore) {
    return dao(handle).claimReminders(code, today, daysBefore, notEarlierThan, recordedBefore).stream().sorted()
        .flatMap(id -> byId(handle, id).stream()).toList();
  }

  /** Claims the weekly overdue list of a group for a week; false when it was sent already. */
  static boolean claimWeeklyList(Handle handle, String week, String groupId) {
    return dao(handle).claimWeeklyList(week, groupId);
  }

  /** Claims one escalation step of an item ({@code atasan}, {@code pimpinan}); false when it was taken before. */
  static boolean claimEscalation(Handle handle, long id, String step, Instant at) {
    return dao(handle).claimEscalation(id, step, at);
  }

  private static List<FollowUp> items(List<FollowUpDao.Item> items) {
    return items.stream().map(FollowUpDao.Item::followUp).toList();
  }

  private static FollowUpDao dao(Handle handle) {
    return handle.attach(FollowUpDao.class);
  }
}
