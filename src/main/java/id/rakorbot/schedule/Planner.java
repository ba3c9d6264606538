package id.rakorbot.schedule;

import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.RakorbotConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Quartz in step with the schedules in the config: for the next {@value #HORIZON} meetings of each
 * schedule, one trigger per reminder (named after the meeting and the offset, grouped by schedule id);
 * triggers of meetings that no longer exist are removed, others are left alone, so a reminder that is due
 * but not yet fired (the bot was down) survives a re-plan and fires late, once.
 */
public final class Planner {

  private static final Logger log = LoggerFactory.getLogger(Planner.class);
  static final int HORIZON = 2;
  static final JobKey REMINDER_JOB = JobKey.jobKey("reminder", "rakorbot");
  static final String PLANNER_GROUP = "rakorbot";
  /**
   * Trigger groups that other parts of the bot own (the weekly digest's); never cleaned up here. Schedule
   * ids may not take these names.
   */
  public static final Set<String> FOREIGN_GROUPS = Set.of(PLANNER_GROUP, "digest", QuartzRetry.GROUP);
  private static final Duration REBASE_TOLERANCE = Duration.ofSeconds(1);

  /** What a re-plan changed. */
  public record Result(int added, int removed) {}

  private final Scheduler quartz;
  private final CurrentConfig config;
  private final Reminders reminders;
  private final Jdbi jdbi;
  private final Clock clock;

  Planner(Scheduler quartz, CurrentConfig config, Reminders reminders, Jdbi jdbi, Clock clock) {
    this.quartz = quartz;
    this.config = config;
    this.reminders = reminders;
    this.jdbi = jdbi;
    this.clock = clock;
  }

  private final List<Runnable> followers = new java.util.concurrent.CopyOnWriteArrayList<>();

  void alsoOnReconcile(Runnable follower) {
    followers.add(follower);
  }

  /** What other features plan on the same quarter-hour beat; one failing does not stop the others. */
  void runFollowers() {
    for (Runnable follower : followers) {
      try {
        follower.run();
      } catch (RuntimeException e) {
        log.warn("Periodic re-plan failed; the others still ran", e);
      }
    }
  }

  public synchronized Result reconcile() {
    RakorbotConfig current = config.get();
    ScheduleBook book = ScheduleBook.of(current);
    List<Schedule> schedules = book.all();
    Calendar calendar = book.calendar();
    Instant now = clock.instant();
    // Quartz fires on the wall clock; the bot may run on a shifted clock (tests), so convert.
    Duration skew = Duration.between(Instant.now(), now);
    int added = 0;
    int removed = 0;
    try {
      for (Schedule schedule : schedules) {
        List<Occurrence> upcoming = calendar.next(schedule, now, HORIZON);
        Map<TriggerKey, Trigger> wanted = upcoming.stream()
            .flatMap(o -> schedule.reminders().stream().map(r -> trigger(o, r, skew)))
            .collect(Collectors.toMap(Trigger::getKey, t -> t));
        for (Occurrence o : upcoming) {
          schedule.briefing().map(b -> briefingTrigger(o, b, skew)).ifPresent(t -> wanted.put(t.getKey(), t));
        }
        Set<TriggerKey> existing = quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(schedule.id()));
        for (TriggerKey key : existing) {
          if (!wanted.containsKey(key)) {
            removed += quartz.unscheduleJob(key) ? 1 : 0;
          }
        }
        for (Trigger trigger : wanted.values()) {
          if (!trigger.getStartTime().toInstant().plus(skew).isAfter(now)) {
            continue; // due already: an existing trigger fires late (misfire), a missing one is not invented
          }
          if (!existing.contains(trigger.getKey())) {
            added += schedule(trigger);
          } else {
            rebase(trigger);
          }
        }
        if (!upcoming.isEmpty()) {
          jdbi.useTransaction(handle -> reminders.announce(handle, upcoming.getFirst()));
        }
      }
      Set<String> ids = schedules.stream().map(Schedule::id).collect(Collectors.toSet());
      for (String group : new HashSet<>(quartz.getTriggerGroupNames())) {
        if (!ids.contains(group) && !FOREIGN_GROUPS.contains(group)) {
          for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(group))) {
            removed += quartz.unscheduleJob(key) ? 1 : 0;
          }
        }
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("Could not update the reminder triggers", e);
    }
    if (added + removed > 0) {
      log.info("Planned reminders: {} added, {} removed", added, removed);
    }
    return new Result(added, removed);
  }

  /**
   * A trigger planned for another wall-clock time than the meeting now gives (the clock was stepped since,
   * e.g. by NTP after a boot with a wrong RTC, or a test moved its clock) is moved to the right time.
   */
  private void rebase(Trigger wanted) throws SchedulerException {
    Trigger stored = quartz.getTrigger(wanted.getKey());
    if (stored != null && stored.getNextFireTime() != null
        && Math.abs(stored.getNextFireTime().getTime() - wanted.getStartTime().getTime()) > REBASE_TOLERANCE.toMillis()) {
      quartz.rescheduleJob(wanted.getKey(), wanted);
    }
  }

  private int schedule(Trigger trigger) throws SchedulerException {
    try {
      quartz.scheduleJob(trigger);
      return 1;
    } catch (ObjectAlreadyExistsException e) {
      return 0; // another instance planned the same reminder a moment ago
    }
  }

  private static Trigger trigger(Occurrence occurrence, Reminder reminder, Duration skew) {
    return trigger(occurrence, reminder.code(), occurrence.start().toInstant().minus(reminder.before()), skew);
  }

  /** The bahan rapat rides on the reminder job, under its own code. */
  private static Trigger briefingTrigger(Occurrence occurrence, BriefingTime briefing, Duration skew) {
    return trigger(occurrence, Reminders.BRIEFING, briefing.before(occurrence.start()).toInstant(), skew);
  }

  private static Trigger trigger(Occurrence occurrence, String code, Instant remindAt, Duration skew) {
    return TriggerBuilder.newTrigger()
        .withIdentity(occurrence.key() + "/" + code, occurrence.schedule().id())
        .forJob(REMINDER_JOB)
        .usingJobData(QuartzJobs.SCHEDULE, occurrence.schedule().id())
        .usingJobData(QuartzJobs.STARTS_AT, Long.toString(occurrence.start().toInstant().toEpochMilli()))
        .usingJobData(QuartzJobs.REMINDER, code)
        .usingJobData(QuartzJobs.REMIND_AT, Long.toString(remindAt.toEpochMilli()))
        .usingJobData(QuartzJobs.MOVED_FROM, occurrence.movedFrom().map(Object::toString).orElse(""))
        .startAt(Date.from(remindAt.minus(skew)))
        // Missed while every instance was down: fire as soon as one is back; Reminders decides late or dropped.
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build();
  }
}
