package id.rakorbot.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry policy of the bot's Quartz jobs. Work that fails is not retried by sleeping in one of the
 * scheduler's two threads: the same job is planned once more, with the trigger's data and the attempt
 * counted, in a trigger of its own (group {@value #GROUP}, which the planners leave alone) after 15 s, 1, 4 and
 * 16 minutes. The dedup keys of what the job queues make a partly done run go out once. After the last attempt
 * the failure is logged with its stack trace, and the job gives up.
 */
public final class QuartzRetry {

  private static final Logger log = LoggerFactory.getLogger(QuartzRetry.class);
  public static final String GROUP = "retry";
  static final String ATTEMPT = "retryAttempt";
  static final int MAX_ATTEMPTS = 5;
  private static final Duration FIRST_WAIT = Duration.ofSeconds(15);

  private QuartzRetry() {}

  /** Runs {@code work}; when it fails, plans the next attempt (or gives up after {@link #MAX_ATTEMPTS}). */
  public static void run(JobExecutionContext context, String what, Runnable work) throws JobExecutionException {
    try {
      work.run();
    } catch (RuntimeException e) {
      int attempt = attemptOf(context.getMergedJobDataMap());
      if (attempt >= MAX_ATTEMPTS) {
        log.error("{} ({}) failed {} times; giving up", what, context.getTrigger().getKey(), attempt, e);
        throw new JobExecutionException(e, false);
      }
      Duration wait = waitBefore(attempt + 1);
      log.warn("{} ({}) failed (attempt {} of {}); trying again in {} s", what, context.getTrigger().getKey(), attempt,
          MAX_ATTEMPTS, wait.toSeconds(), e);
      planAgain(context, attempt + 1, wait);
    }
  }

  /** 15 s before the second attempt, then four times longer each time. */
  static Duration waitBefore(int attempt) {
    return FIRST_WAIT.multipliedBy((long) Math.pow(4, attempt - 2));
  }

  private static int attemptOf(JobDataMap data) {
    String attempt = data.getString(ATTEMPT);
    return attempt == null ? 1 : Integer.parseInt(attempt);
  }

  private static void planAgain(JobExecutionContext context, int attempt, Duration wait) throws JobExecutionException {
    Trigger failed = context.getTrigger();
    JobDataMap data = new JobDataMap(failed.getJobDataMap());
    data.put(ATTEMPT, Integer.toString(attempt));
    String original = failed.getKey().getGroup().equals(GROUP) ? failed.getKey().getName().replaceFirst("#\\d+$", "")
        : failed.getKey().getGroup() + "/" + failed.getKey().getName();
    Trigger retry = TriggerBuilder.newTrigger()
        .withIdentity(original + "#" + attempt, GROUP)
        .forJob(context.getJobDetail().getKey())
        .usingJobData(data)
        .startAt(Date.from(Instant.now().plus(wait))) // Quartz's own (wall) clock
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build();
    try {
      context.getScheduler().scheduleJob(retry);
    } catch (SchedulerException e) {
      throw new JobExecutionException("Could not plan the next attempt of " + original, e, false);
    }
  }
}
