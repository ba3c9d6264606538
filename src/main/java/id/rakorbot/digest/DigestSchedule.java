package id.rakorbot.digest;

import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.schedule.IndonesianTime;
import id.rakorbot.schedule.QuartzRetry;
import id.rakorbot.schedule.SchedulerEngine;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly digest as a clustered Quartz job: per time zone of the groups, a one-shot trigger at the next
 * configured weekday and time there (default Monday 07:00), named after the week it sums up, so that each
 * week is sent once and a digest missed while every instance was down still goes out when one is back. The
 * moment comes from the bot's clock like the reminders' (see {@link id.rakorbot.schedule.Planner}); after a
 * digest fires, and on every re-plan, the next week's trigger is planned.
 */
public final class DigestSchedule {

  private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);
  static final String GROUP = "digest"; // one of Planner.FOREIGN_GROUPS: the reminder planner leaves it alone
  static final JobKey JOB = JobKey.jobKey("digest", GROUP);

  private final SchedulerEngine engine;
  private final CurrentConfig config;
  private final Digests digests;
  private final Jdbi jdbi;
  private final Clock clock;

  public DigestSchedule(SchedulerEngine engine, CurrentConfig config, Digests digests, Jdbi jdbi, Clock clock) {
    this.engine = engine;
    this.config = config;
    this.digests = digests;
    this.jdbi = jdbi;
    this.clock = clock;
    engine.register(WeeklyDigest.class, () -> new WeeklyDigest(this));
    engine.alsoOnEveryReplan(this::reconcile);
  }

  /**
   * Makes the triggers match the config: the next digest of every zone of the declared groups, none when
   * digests are off. A trigger already due (missed) is left to fire; triggers of zones no longer used go.
   */
  public synchronized void reconcile() {
    RakorbotConfig current = config.get();
    var quartz = engine.quartz();
    Instant now = clock.instant();
    Duration skew = Duration.between(Instant.now(), now); // Quartz fires on the wall clock
    try {
      quartz.addJob(JobBuilder.newJob(WeeklyDigest.class).withIdentity(JOB).storeDurably().requestRecovery().build(), true);
      Set<TriggerKey> wanted = new HashSet<>();
      List<ZoneId> zones = current.digest().enabled()
          ? current.groups().stream().map(digests::zone).distinct().toList() : List.of();
      for (ZoneId zone : zones) {
        ZonedDateTime at = next(current, now.atZone(zone));
        Week week = Week.containing(at.toInstant(), zone).minus(1);
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(zone.getId() + "/" + week.label(), GROUP).forJob(JOB)
            .usingJobData("zone", zone.getId()).usingJobData("week", week.label())
            .startAt(Date.from(at.toInstant().minus(skew)))
            .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
        wanted.add(trigger.getKey());
        Trigger stored = quartz.getTrigger(trigger.getKey());
        if (stored == null) {
          quartz.scheduleJob(trigger);
        } else if (stored.getNextFireTime() != null && isFuture(stored, skew, now)
            && Math.abs(stored.getNextFireTime().getTime() - trigger.getStartTime().getTime()) > 1_000) {
          quartz.rescheduleJob(trigger.getKey(), trigger); // the digest time was edited, or the clock stepped
        }
      }
      for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
        boolean zoneInUse = zones.stream().anyMatch(z -> key.getName().startsWith(z.getId() + "/"));
        if (!wanted.contains(key) && (!zoneInUse || isFuture(quartz.getTrigger(key), skew, now))) {
          quartz.unscheduleJob(key);
        }
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("Could not schedule the weekly digests", e);
    }
  }

  private static boolean isFuture(Trigger trigger, Duration skew, Instant now) {
    return trigger != null && trigger.getNextFireTime() != null && trigger.getNextFireTime().toInstant().plus(skew).isAfter(now);
  }

  /** The first configured weekday and time strictly after {@code now}, in its zone. */
  static ZonedDateTime next(RakorbotConfig config, ZonedDateTime now) {
    DayOfWeek day = IndonesianTime.parseDay(config.digest().weekday()).orElse(DayOfWeek.MONDAY);
    LocalTime at = id.rakorbot.config.ClockTime.of(config.digest().time());
    ZonedDateTime candidate = now.with(TemporalAdjusters.nextOrSame(day)).with(at);
    return candidate.isAfter(now) ? candidate : now.with(TemporalAdjusters.next(day)).with(at);
  }

  void run(String zoneId, String weekLabel) {
    List<GroupConfig> groups = config.get().groups().stream().filter(g -> digests.zone(g).getId().equals(zoneId)).toList();
    if (groups.isEmpty()) {
      log.info("Digest for zone {} skipped: no group is in it any more", zoneId);
      return;
    }
    Week week = weekLabel == null ? digests.lastWeek(groups.getFirst()) : Week.parse(weekLabel, ZoneId.of(zoneId));
    jdbi.useTransaction(handle -> digests.sendWeekly(handle, groups, week));
  }

  /** Fires once a week per zone, on one instance of the cluster, then plans the next week. */
  @DisallowConcurrentExecution
  record WeeklyDigest(DigestSchedule schedule) implements Job {
    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
      try {
        QuartzRetry.run(context, "Weekly digest", () -> schedule.run(context.getMergedJobDataMap().getString("zone"),
            context.getMergedJobDataMap().getString("week")));
      } finally {
        schedule.reconcile();
      }
    }
  }
}
