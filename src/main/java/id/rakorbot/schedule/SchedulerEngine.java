package id.rakorbot.schedule;

import id.rakorbot.config.CurrentConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz with its JDBC JobStore on the bot's PostgreSQL, clustered: any number of instances share the
 * triggers and each fires on exactly one of them.
 */
public final class SchedulerEngine implements AutoCloseable {

  private final Scheduler quartz;
  private final Planner planner;
  private final Map<Class<? extends Job>, Supplier<Job>> jobs;

  private SchedulerEngine(Scheduler quartz, Planner planner, Map<Class<? extends Job>, Supplier<Job>> jobs) {
    this.quartz = quartz;
    this.planner = planner;
    this.jobs = jobs;
  }

  public static SchedulerEngine start(DataSource dataSource, Jdbi jdbi, CurrentConfig config, Reminders reminders, Clock clock) {
    String dataSourceName = "rakorbot-" + UUID.randomUUID();
    DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PoolProvider(dataSource));
    try {
      Scheduler quartz = new StdSchedulerFactory(properties(dataSourceName)).getScheduler();
      // Quartz keeps one scheduler per name per JVM; we hold our own reference, and letting go of the
      // name lets a second clustered instance live in the same JVM (as the tests run two).
      SchedulerRepository.getInstance().remove(quartz.getSchedulerName());
      Planner planner = new Planner(quartz, config, reminders, jdbi, clock);
      Map<Class<? extends Job>, Supplier<Job>> jobs = new ConcurrentHashMap<>();
      jobs.put(QuartzJobs.PlannerJob.class, () -> new QuartzJobs.PlannerJob(planner));
      jobs.put(QuartzJobs.ReminderJob.class, () -> new QuartzJobs.ReminderJob(reminders));
      quartz.setJobFactory((bundle, scheduler) -> {
        Supplier<Job> job = jobs.get(bundle.getJobDetail().getJobClass());
        if (job == null) {
          throw new SchedulerException("No job registered for " + bundle.getJobDetail().getJobClass());
        }
        return job.get();
      });
      quartz.addJob(JobBuilder.newJob(QuartzJobs.ReminderJob.class).withIdentity(Planner.REMINDER_JOB)
          .storeDurably().requestRecovery().build(), true);
      var planning = JobBuilder.newJob(QuartzJobs.PlannerJob.class).withIdentity("planner", Planner.PLANNER_GROUP).storeDurably().build();
      var everyQuarterHour = TriggerBuilder.newTrigger().withIdentity("planner", Planner.PLANNER_GROUP)
          .withSchedule(CronScheduleBuilder.cronSchedule("0 0/15 * * * ?").withMisfireHandlingInstructionFireAndProceed()).build();
      quartz.scheduleJob(planning, java.util.Set.of(everyQuarterHour), true);
      planner.reconcile();
      quartz.start();
      return new SchedulerEngine(quartz, planner, jobs);
    } catch (SchedulerException e) {
      throw new IllegalStateException("Quartz could not start: " + e.getMessage(), e);
    }
  }

  static Properties properties(String dataSourceName) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "rakorbot");
    p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    // Reminders are minute-precise. A trigger planned on another instance is seen within this time;
    // shorter only adds queries per instance.
    p.setProperty("org.quartz.scheduler.idleWaitTime", "10000");
    p.setProperty("org.quartz.threadPool.threadCount", "2");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    // A trigger up to a minute late (a busy instance, a GC pause) fires normally; later than that it
    // misfired (all instances were down) and fires now, once; Reminders marks it late or drops it if the
    // meeting has begun.
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    return p;
  }

  public Planner planner() {
    return planner;
  }

  /** Does now what the quarter-hour planning job does: reminders, announcements, and the followers' triggers. */
  public void replanNow() {
    planner.reconcile();
    planner.runFollowers();
  }

  /** Runs {@code replan} after the reminders on every periodic re-plan (a feature planning its own triggers). */
  public void alsoOnEveryReplan(Runnable replan) {
    planner.alsoOnReconcile(replan);
  }

  /** Lets another feature run its own clustered jobs: {@code create} makes the job when a trigger fires. */
  public void register(Class<? extends Job> type, Supplier<Job> create) {
    jobs.put(type, create);
  }

  public Scheduler quartz() {
    return quartz;
  }

  @Override
  public void close() {
    try {
      quartz.shutdown(true);
    } catch (SchedulerException e) {
      // shutting down anyway
    }
  }

  /** Hands Quartz connections from the bot's Hikari pool. */
  private record PoolProvider(DataSource dataSource) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
      // the pool belongs to the bot and is closed with it
    }

    @Override
    public void initialize() {
      // the pool is ready
    }
  }
}
