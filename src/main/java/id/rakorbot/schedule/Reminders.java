package id.rakorbot.schedule;

import id.rakorbot.ops.BotMetrics;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.Groups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Puts reminders and announcements into the outbox, once per meeting, reminder and group: the dedup key
 * holds even when two instances or a replayed trigger try twice.
 */
public final class Reminders {

  private static final Logger log = LoggerFactory.getLogger(Reminders.class);
  /** A reminder later than this is marked as late ("terlambat terkirim"). */
  static final Duration LATE_AFTER = Duration.ofMinutes(2);

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final Groups groups;
  private final Outbox outbox;
  private final ReminderHooks hooks;
  private final Clock clock;
  private final BotMetrics metrics;

  public Reminders(Jdbi jdbi, CurrentConfig config, Groups groups, Outbox outbox, ReminderHooks hooks, Clock clock, BotMetrics metrics) {
    this.metrics = metrics;
    this.jdbi = jdbi;
    this.config = config;
    this.groups = groups;
    this.outbox = outbox;
    this.hooks = hooks;
    this.clock = clock;
  }

  /** The job code of the bahan rapat, which rides on the reminder job. */
  static final String BRIEFING = "bahan";

  /** Posts a meeting's bahan rapat to its groups (the briefing feature). */
  public interface Briefer {
    void post(Handle handle, Occurrence occurrence);
  }

  private volatile Briefer briefer = (handle, occurrence) -> { };

  /** Who posts the bahan rapat when its time comes; register before the scheduler starts. */
  public void briefWith(Briefer briefer) {
    this.briefer = briefer;
  }

  /** Lines another feature adds under a meeting's reminders (the follow-ups still open from before). */
  public interface Addendum {
    Optional<String> lines(Handle handle, Occurrence occurrence);
  }

  private volatile Addendum addendum = (handle, occurrence) -> Optional.empty();

  /** What goes under every reminder; register before the scheduler starts. */
  public void appendWith(Addendum addendum) {
    this.addendum = addendum;
  }

  /** What another feature sends into a group beside a meeting's announcement (its calendar file). */
  public interface Announced {
    void announced(Handle handle, Occurrence occurrence, GroupConfig group, long chatId);
  }

  private volatile Announced announced = (handle, occurrence, group, chatId) -> { };

  /** Called in the transaction that queues each group's announcement; register before the scheduler starts. */
  public void announceWith(Announced announced) {
    this.announced = announced;
  }

  /** Sends the reminder {@code code} of the meeting starting at {@code startsAt}, due at {@code remindAt}. */
  void remind(String scheduleId, Instant startsAt, String code, Instant remindAt, Optional<LocalDate> movedFrom) {
    Optional<Schedule> schedule = ScheduleBook.of(config.get()).byId(scheduleId);
    if (code.equals(BRIEFING)) {
      schedule.filter(s -> s.briefing().isPresent() && clock.instant().isBefore(startsAt)).ifPresent(s -> {
        Occurrence occurrence = new Occurrence(s, startsAt.atZone(s.zone()), movedFrom);
        jdbi.useTransaction(handle -> briefer.post(handle, occurrence));
        log.info("Bahan rapat for {} queued", occurrence.key());
      });
      return;
    }
    Optional<Reminder> reminder = Reminder.parse(code);
    if (schedule.isEmpty() || reminder.isEmpty()) {
      log.info("Reminder {} of {} at {} skipped: the schedule is gone", code, scheduleId, startsAt);
      return;
    }
    Occurrence occurrence = new Occurrence(schedule.get(), startsAt.atZone(schedule.get().zone()), movedFrom);
    Instant now = clock.instant();
    if (!now.isBefore(startsAt)) {
      log.warn(ReminderTexts.droppedLog(occurrence, reminder.get(), now));
      return;
    }
    boolean late = Duration.between(remindAt, now).compareTo(LATE_AFTER) > 0;
    String reminderText = ReminderTexts.reminder(occurrence, reminder.get(), late);
    boolean posted = jdbi.inTransaction(handle -> {
      long occurrenceId = Occurrences.record(handle, occurrence);
      if (Occurrences.reminderDone(handle, occurrenceId, reminder.get().code())) {
        return false; // it went out with the announcement
      }
      Occurrences.markReminderDone(handle, occurrenceId, reminder.get().code());
      post(handle, occurrenceId, occurrence, reminderText + addendum.lines(handle, occurrence).map(lines -> "\n\n" + lines).orElse(""),
          "reminder:" + occurrence.key() + ":" + reminder.get().code(), reminder, false);
      return true;
    });
    if (!posted) {
      log.info("Reminder {} for {} was posted with the announcement", reminder.get().label(), occurrence.key());
      return;
    }
    metrics.reminderFired(scheduleId, late);
    log.info("Reminder {} for {} queued{}", reminder.get().label(), occurrence.key(), late ? " (late)" : "");
  }

  /**
   * Announces a meeting the first time it becomes the next one of its schedule. A reminder due within
   * {@link #ANNOUNCE_WITH} of now (a meeting planned close to its time) goes out in the same message, once.
   */
  void announce(Handle handle, Occurrence occurrence) {
    long occurrenceId = Occurrences.record(handle, occurrence);
    Instant now = clock.instant();
    Optional<Reminder> due = now.isBefore(occurrence.start().toInstant()) ? occurrence.schedule().reminders().stream()
        .filter(r -> {
          Instant at = occurrence.start().toInstant().minus(r.before());
          return !at.isBefore(now.minus(ANNOUNCED_LATE)) && at.isBefore(now.plus(ANNOUNCE_WITH));
        })
        .filter(r -> !Occurrences.reminderDone(handle, occurrenceId, r.code()))
        .findFirst() : Optional.empty();
    String text = due.map(r -> ReminderTexts.announcementWithReminder(occurrence, r)
        + addendum.lines(handle, occurrence).map(lines -> "\n\n" + lines).orElse("")).orElse(ReminderTexts.announcement(occurrence));
    boolean announced = post(handle, occurrenceId, occurrence, text, "announce:" + occurrence.key(), due, true);
    if (announced && due.isPresent()) {
      Occurrences.markReminderDone(handle, occurrenceId, due.get().code());
    }
  }

  /** A reminder due this close after an announcement goes out with it. */
  static final Duration ANNOUNCE_WITH = Duration.ofMinutes(15);
  /** ... and one due this short a moment before it (the same minute), rather than in a message of its own. */
  private static final Duration ANNOUNCED_LATE = Duration.ofMinutes(5);

  /** Posts to every group of the meeting; true when at least one message was new (not a repeat of its dedup key). */
  private boolean post(Handle handle, long occurrenceId, Occurrence occurrence, String text, String dedupPrefix, Optional<Reminder> reminder,
      boolean announcement) {
    boolean any = false;
    for (String groupId : occurrence.schedule().groups()) {
      Optional<GroupConfig> group = groups.reachable(handle, groupId);
      if (group.isEmpty()) {
        continue;
      }
      long chatId = groups.chatIdOf(handle, group.get());
      var message = SendMessage.builder().chatId(chatId).text(text).parseMode(ParseMode.HTML).disableWebPagePreview(true);
      group.get().topic().ifPresent(message::messageThreadId);
      hooks.buttons(occurrenceId, occurrence.schedule()).ifPresent(message::replyMarkup);
      SendMessage built = message.build();
      Optional<Long> queued = outbox.enqueue(handle, chatId, built, Priority.SCHEDULED, Optional.of(dedupPrefix + ":" + groupId));
      if (queued.isPresent()) {
        any = true;
        hooks.posted(handle, occurrenceId, group.get(), queued.get(), built);
        reminder.ifPresent(r -> hooks.reminded(handle, occurrenceId, occurrence, r, group.get(), chatId));
        if (announcement) {
          announced.announced(handle, occurrence, group.get(), chatId);
        }
      }
    }
    return any;
  }
}
