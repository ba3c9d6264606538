package id.rakorbot;

import id.rakorbot.briefing.BahanCommand;
import id.rakorbot.briefing.BriefingPoster;
import id.rakorbot.cluster.Leadership;
import id.rakorbot.config.ConfigLoader;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.OutboxSender;
import id.rakorbot.schedule.JadwalCommand;
import id.rakorbot.dashboard.Dashboard;
import id.rakorbot.dashboard.DashboardCheck;
import id.rakorbot.followup.FollowUpCheck;
import id.rakorbot.siaga.MasaSiaga;
import id.rakorbot.siaga.SiagaCheck;
import id.rakorbot.warning.WarningCheck;
import id.rakorbot.warning.Warnings;
import id.rakorbot.followup.FollowUpFeature;
import id.rakorbot.digest.DigestCheck;
import id.rakorbot.digest.DigestSchedule;
import id.rakorbot.digest.Digests;
import id.rakorbot.digest.RekapCommand;
import id.rakorbot.health.HealthReport;
import id.rakorbot.health.Heartbeat;
import id.rakorbot.ops.OperationsServer;
import id.rakorbot.outbox.Priority;
import org.jdbi.v3.core.Jdbi;
import id.rakorbot.report.ReportCheck;
import id.rakorbot.report.Reporting;
import id.rakorbot.rsvp.Rsvp;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.schedule.Reminders;
import id.rakorbot.schedule.ScheduleParser;
import id.rakorbot.schedule.SchedulerEngine;
import id.rakorbot.storage.Database;
import id.rakorbot.telegram.BotApi;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.Features;
import id.rakorbot.telegram.Groups;
import id.rakorbot.telegram.TelegramBot;
import id.rakorbot.telegram.TelegramJson;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.function.Function;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The running bot, wired by hand: database, Telegram connection, inbox processing, outbox sender. Tests
 * build it the same way, with their own database and the Bot API emulator.
 */
public final class Rakorbot implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Rakorbot.class);

  private final List<AutoCloseable> parts;
  private final TelegramBot bot;
  private final SchedulerEngine scheduler;
  private final Optional<OperationsServer> operations;
  private final FollowUpFeature followUps;
  private final Warnings warnings;
  private final MasaSiaga siaga;

  private Rakorbot(List<AutoCloseable> parts, TelegramBot bot, SchedulerEngine scheduler, Optional<OperationsServer> operations,
      FollowUpFeature followUps, Warnings warnings, MasaSiaga siaga) {
    this.siaga = siaga;
    this.parts = parts;
    this.followUps = followUps;
    this.warnings = warnings;
    this.bot = bot;
    this.scheduler = scheduler;
    this.operations = operations;
  }

  /** Reads config files with every feature's checks. */
  public static ConfigLoader configLoader(Function<String, String> environment) {
    return new ConfigLoader(environment, List.of(ScheduleParser.CHECK, new ReportCheck(), new DigestCheck(), new FollowUpCheck(), new WarningCheck(), new SiagaCheck(),
        new DashboardCheck()));
  }

  /**
   * Starts a bot on an open database; on failure everything opened here is closed again.
   *
   * @param loader reads the config file again when it changes
   */
  public static Rakorbot start(ConfigLoader loader, RakorbotConfig config, Database database, String token, Clock clock)
      throws TelegramApiException {
    Deque<AutoCloseable> opened = new ArrayDeque<>(); // closed in reverse order of opening
    try {
      var current = new CurrentConfig(config);
      var jdbi = database.jdbi();
      BotApi api = new BotApi(token, config.telegram().apiUrl(), config.telegram().pollTimeoutSeconds());
      opened.push(api);
      Groups groups = new Groups(current);
      groups.syncDeclared(jdbi);
      var json = TelegramJson.mapper();
      Leadership leadership = new Leadership(database::dedicatedConnection);
      opened.push(leadership);
      OutboxSender sender = new OutboxSender(jdbi, api.sendClient(), json, groups);
      sender.sendOnlyWhile(leadership::leading);
      opened.push(sender);
      Outbox outbox = new Outbox(json, sender::wake);
      var sessions = new Sessions(current, clock);
      Rsvp rsvp = new Rsvp(jdbi, current, outbox, sessions);
      opened.push(rsvp);
      var reminders = new Reminders(jdbi, current, groups, outbox, rsvp.hooks(), clock);
      reminders.briefWith(new BriefingPoster(current, groups, outbox, clock));
      FollowUpFeature followUps = new FollowUpFeature(jdbi, current, groups, outbox, sessions, clock);
      opened.push(followUps);
      reminders.appendWith(followUps.reminderAddendum());
      SchedulerEngine scheduler = SchedulerEngine.start(database.dataSource(), jdbi, current, reminders, clock);
      opened.push(scheduler);
      var digests = new Digests(current, sessions, groups, outbox, clock);
      var digestSchedule = new DigestSchedule(scheduler, current, digests, jdbi, clock);
      digestSchedule.reconcile();
      Dashboard dashboard = new Dashboard(jdbi, current, digests, sessions, clock);
      var reloader = new ConfigReloader(loader, current, List.of(scheduler.planner()::reconcile, digestSchedule::reconcile,
          dashboard::rosterChanged), jdbi, outbox);
      opened.push(reloader);
      Reporting reporting = new Reporting(jdbi, groups, outbox, clock);
      opened.push(reporting);
      sender.mergeWith(Reporting.COPY_MERGE_KEY, reporting.copyMerger());
      Warnings warnings = new Warnings(jdbi, current, groups, outbox, clock);
      opened.push(warnings);
      MasaSiaga siaga = new MasaSiaga(jdbi, current, groups, outbox, clock);
      opened.push(siaga);
      java.util.function.Function<RakorbotConfig, Optional<String>> siagaNotice = c -> MasaSiaga.notice(c, clock.instant());
      reporting.listenWith(warnings::reported);
      List<Command> commands = new ArrayList<>(List.of(new JadwalCommand(clock, siagaNotice), new RekapCommand(digests),
          new BahanCommand(sessions)));
      commands.addAll(rsvp.commands());
      commands.addAll(reporting.commands());
      commands.addAll(followUps.commands());
      commands.addAll(warnings.commands());
      commands.addAll(dashboard.commands());
      commands.add(new ReloadCommand(reloader));
      var features = new Features(commands, concat(rsvp.callbacks(), reporting.callbacks()),
          concat(rsvp.messageHandlers(), reporting.messageHandlers()), siagaNotice);
      TelegramBot bot = new TelegramBot(api, current, jdbi, groups, outbox, features);
      opened.push(bot);
      Heartbeat heartbeat = new Heartbeat(jdbi, clock, instanceName(), Map.of(
          "polling and update processing", bot::alive, "outbox-dispatcher", sender::alive,
          "rsvp-tallies", rsvp::alive, "report-drafts", reporting::alive, "leadership", leadership::alive,
          "follow-ups", followUps::alive, "early-warning", warnings::alive,
          "masa-siaga", siaga::alive),
          leadership::leading);
      Optional<OperationsServer> operations = Optional.empty();
      if (config.http().enabled()) {
        operations = Optional.of(OperationsServer.start(config.http(), () -> readiness(jdbi, heartbeat, leadership, clock),
            () -> pendingByClass(jdbi), leadership::leading));
        OperationsServer server = operations.get();
        opened.push(server);
        bot.webhookReceiver().ifPresent(receiver -> server.route(config.telegram().webhook().path(), receiver));
        server.route(Dashboard.path(), dashboard.handler());
      }
      ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("heartbeat").daemon().factory());
      opened.push(timer::shutdownNow);
      leadership.start();
      sender.start();
      rsvp.start();
      reporting.start();
      followUps.start(bot.username());
      warnings.start();
      siaga.start();
      bot.start(heartbeat::polled, leadership);
      reloader.watch();
      timer.scheduleWithFixedDelay(heartbeat::beat, 1, 15, TimeUnit.SECONDS);
      return new Rakorbot(List.copyOf(opened), bot, scheduler, operations, followUps, warnings, siaga);
    } catch (TelegramApiException | RuntimeException e) {
      closeAll(List.copyOf(opened));
      throw e;
    }
  }

  /** The reminder and digest scheduler, for the simulated-clock season test and operations tooling. */
  public SchedulerEngine scheduler() {
    return scheduler;
  }

  /** The follow-up feature, whose sweep tests run after stepping the clock. */
  public FollowUpFeature followUps() {
    return followUps;
  }

  /** Masa siaga, whose sweep tests run after stepping the clock. */
  public MasaSiaga siaga() {
    return siaga;
  }

  /** The early warnings, whose trend check tests run after stepping the clock. */
  public Warnings warnings() {
    return warnings;
  }

  /** Where {@code /healthz}, {@code /readyz} and {@code /metrics} answer, when {@code http.port} is set. */
  public Optional<Integer> operationsPort() {
    return operations.map(OperationsServer::port);
  }

  public String username() {
    return bot.username();
  }

  /**
   * Stops in reverse order of start: heartbeat, polling and processing (nothing new comes in), the config
   * watcher, Quartz, the outbox sender, the HTTP client. Leaves the database open.
   */
  @Override
  public void close() {
    log.info("Stopping Rakorbot");
    closeAll(parts);
  }

  /** Ready while the database answers and every loop of this instance runs; the rest is for whoever looks. */
  static OperationsServer.Readiness readiness(Jdbi jdbi, Heartbeat heartbeat, Leadership leadership, Clock clock) {
    List<String> lines = new ArrayList<>();
    List<String> stopped = heartbeat.stoppedLoops();
    HealthReport report = null;
    try {
      report = HealthReport.read(jdbi, clock.instant());
    } catch (RuntimeException e) {
      lines.add("Database: tidak dapat dihubungi (" + e.getMessage() + ").");
    }
    boolean ready = report != null && stopped.isEmpty();
    lines.addFirst(ready ? "SIAP" : "TIDAK SIAP");
    lines.add("Peran: " + (leadership.leading() ? "pemimpin (polling Telegram dan mengirim pesan)" : "siaga"));
    lines.add("Proses latar berhenti: " + (stopped.isEmpty() ? "tidak ada" : String.join(", ", stopped)) + ".");
    if (report != null) {
      lines.add("Database: terhubung.");
      lines.addAll(report.lines().subList(1, report.lines().size()));
    }
    return new OperationsServer.Readiness(ready, lines);
  }

  private static Map<String, Long> pendingByClass(Jdbi jdbi) {
    try {
      Map<String, Long> pending = new java.util.HashMap<>();
      jdbi.useHandle(h -> h.createQuery("SELECT priority, count(*) AS n FROM outbox_message WHERE status = 'pending' GROUP BY priority")
          .map((rs, ctx) -> Map.entry(Priority.values()[rs.getInt("priority")].name().toLowerCase(java.util.Locale.ROOT), rs.getLong("n")))
          .forEach(e -> pending.put(e.getKey(), e.getValue())));
      return pending;
    } catch (RuntimeException e) {
      return Map.of(); // the database is down: /readyz says so
    }
  }

  /** The host name (a container's id in Docker) and a random suffix: readable in health, unique per run. */
  private static String instanceName() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "rakorbot";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static <T> List<T> concat(List<? extends T> first, List<? extends T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static void closeAll(List<AutoCloseable> parts) {
    for (AutoCloseable part : parts) {
      try {
        part.close();
      } catch (Exception e) {
        log.warn("Stopping {} failed: {}", part, e.toString());
      }
    }
  }
}
