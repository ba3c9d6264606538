package id.rakorbot.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** The two Quartz jobs: one reminder, and the periodic planning that keeps reminders scheduled ahead. */
final class QuartzJobs {

  static final String SCHEDULE = "schedule";
  static final String STARTS_AT = "startsAt";
  static final String REMINDER = "reminder";
  static final String REMIND_AT = "remindAt";
  static final String MOVED_FROM = "movedFrom";

  private QuartzJobs() {}

  /** Sends one reminder; its data names the schedule, the meeting start and the offset. */
  record ReminderJob(Reminders reminders) implements Job {
    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
      JobDataMap data = context.getMergedJobDataMap();
      QuartzRetry.run(context, "Reminder", () -> reminders.remind(data.getString(SCHEDULE),
          Instant.ofEpochMilli(Long.parseLong(data.getString(STARTS_AT))), data.getString(REMINDER),
          Instant.ofEpochMilli(Long.parseLong(data.getString(REMIND_AT))),
          Optional.ofNullable(data.getString(MOVED_FROM)).filter(s -> !s.isEmpty()).map(LocalDate::parse)));
    }
  }

  /** Re-plans all schedules: new occurrences get their reminders and announcement. */
  @DisallowConcurrentExecution
  record PlannerJob(Planner planner) implements Job {
    @Override
    public void execute(JobExecutionContext context) {
      planner.reconcile();
      planner.runFollowers();
    }
  }
}
