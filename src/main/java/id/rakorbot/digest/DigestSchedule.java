package id.rakorbot.digest;

import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.schedule.IndonesianTime;
import id.rakorbot.schedule.SchedulerEngine;
import java.time.DayOfWeek;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.jdbi.v3.core.Jdbi;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly digest as a clustered Quartz job: one cron trigger per time zone at the configured weekday
 * and time there (default Monday 07:00), sending the previous ISO week to every group in that zone; the
 * week's figures, chart and CSV are computed once for all of them.
 */
public final class DigestSchedule {

  private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);
  static final String GROUP = "digest";
  static final JobKey JOB = JobKey.jobKey("digest", GROUP);

  private final SchedulerEngine engine;
  private final CurrentConfig config;
  private final Digests digests;
  private final Jdbi jdbi;

  public DigestSchedule(SchedulerEngine engine, CurrentConfig config, Digests digests, Jdbi jdbi) {
    this.engine = engine;
    this.config = config;
    this.digests = digests;
    this.jdbi = jdbi;
    engine.register(WeeklyDigest.class, () -> new WeeklyDigest(this));
  }

  /** Makes the triggers match the config: one per zone of the declared groups, none when digests are off. */
  public synchronized void reconcile() {
    RakorbotConfig current = config.get();
    var quartz = engine.quartz();
    try {
      quartz.addJob(JobBuilder.newJob(WeeklyDigest.class).withIdentity(JOB).storeDurably().requestRecovery().build(), true);
      Set<TriggerKey> wanted = new HashSet<>();
      if (current.digest().enabled()) {
        for (java.time.ZoneId zone : current.groups().stream().map(digests::zone).distinct().toList()) {
          Trigger trigger = trigger(current, zone);
          wanted.add(trigger.getKey());
          if (quartz.checkExists(trigger.getKey())) {
            quartz.rescheduleJob(trigger.getKey(), trigger);
          } else {
            quartz.scheduleJob(trigger);
          }
        }
      }
      for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
        if (!wanted.contains(key)) {
          quartz.unscheduleJob(key);
        }
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("Could not schedule the weekly digests", e);
    }
  }

  private Trigger trigger(RakorbotConfig config, java.time.ZoneId zone) {
    DayOfWeek day = IndonesianTime.parseDay(config.digest().weekday()).orElse(DayOfWeek.MONDAY);
    String[] time = config.digest().time().split("[.:]");
    String cron = String.format("0 %d %d ? * %s", Integer.parseInt(time[1]), Integer.parseInt(time[0]), day.name().substring(0, 3));
    return TriggerBuilder.newTrigger().withIdentity(zone.getId(), GROUP).forJob(JOB)
        .usingJobData("zone", zone.getId())
        .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }

  void run(String zoneId) {
    List<GroupConfig> groups = config.get().groups().stream().filter(g -> digests.zone(g).getId().equals(zoneId)).toList();
    if (groups.isEmpty()) {
      log.info("Digest for zone {} skipped: no group is in it any more", zoneId);
      return;
    }
    jdbi.useTransaction(handle -> digests.sendWeekly(handle, groups, digests.lastWeek(groups.getFirst())));
  }

  /** Fires once a week per group, on one instance of the cluster. */
  @DisallowConcurrentExecution
  record WeeklyDigest(DigestSchedule schedule) implements Job {
    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
      try {
        schedule.run(context.getMergedJobDataMap().getString("zone"));
      } catch (RuntimeException e) {
        // Try again: the dedup keys make a digest that was partly queued go out once.
        var retry = new JobExecutionException("Digest failed: " + e.getMessage(), e);
        retry.setRefireImmediately(true);
        try {
          Thread.sleep(5_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        throw retry;
      }
    }
  }
}
