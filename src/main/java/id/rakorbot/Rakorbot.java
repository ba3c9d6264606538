package id.rakorbot;

import id.rakorbot.briefing.BriefingFeature;
import id.rakorbot.briefing.BriefingPoster;
import id.rakorbot.cluster.Leadership;
import id.rakorbot.config.ConfigCheck;
import id.rakorbot.config.ConfigLoader;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.roster.RosterFeature;
import id.rakorbot.response.AlertDesk;
import id.rakorbot.response.ResponseFeature;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.ScheduleConfig;
import id.rakorbot.dashboard.Dashboard;
import id.rakorbot.digest.DigestFeature;
import id.rakorbot.digest.DigestSchedule;
import id.rakorbot.digest.Digests;
import id.rakorbot.feature.Feature;
import id.rakorbot.followup.FollowUpFeature;
import id.rakorbot.health.Heartbeat;
import id.rakorbot.health.Readiness;
import id.rakorbot.ops.BotMetrics;
import id.rakorbot.ops.OperationsServer;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.OutboxSender;
import id.rakorbot.outbox.OutboxStatus;
import id.rakorbot.outbox.SendLimits;
import id.rakorbot.privacy.PrivacyFeature;
import id.rakorbot.reload.ConfigReloader;
import id.rakorbot.report.Reporting;
import id.rakorbot.rsvp.Rsvp;
import id.rakorbot.schedule.Reminders;
import id.rakorbot.schedule.ScheduleFeature;
import id.rakorbot.schedule.ScheduleParser;
import id.rakorbot.schedule.SchedulerEngine;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.siaga.MasaSiaga;
import id.rakorbot.storage.Database;
import id.rakorbot.telegram.BotApi;
import id.rakorbot.telegram.Groups;
import id.rakorbot.telegram.Handlers;
import id.rakorbot.telegram.TelegramBot;
import id.rakorbot.telegram.TelegramJson;
import id.rakorbot.warning.Warnings;
import id.rakorbot.webapp.WebAppApi;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The running bot, wired by hand: database, Telegram connection, inbox processing, outbox sender, and the
 * list of features. Tests build it the same way, with their own database and the Bot API emulator.
 */
public final class Rakorbot implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Rakorbot.class);

  /**
   * Every check of the config file, run by {@code check-config} and at every load: with no bot and no database,
   * so they are listed here rather than asked of the running features (whose {@link Feature#checks} must appear
   * here too; {@link #start} refuses to run otherwise).
   */
  static final List<ConfigCheck> CHECKS = List.of(ScheduleParser.CHECK, Reporting.CHECK,
      DigestFeature.CHECK, FollowUpFeature.CHECK, Warnings.CHECK, MasaSiaga.CHECK, Dashboard.CHECK, ResponseFeature.CHECK);

  private final List<AutoCloseable> parts;
  private final TelegramBot bot;
  private final SchedulerEngine scheduler;
  private final Optional<OperationsServer> operations;
  private final FollowUpFeature followUps;
  private final Warnings warnings;
  private final MasaSiaga siaga;
  private final ResponseFeature response;
  private final PrivacyFeature privacy;

  private Rakorbot(List<AutoCloseable> parts, TelegramBot bot, SchedulerEngine scheduler, Optional<OperationsServer> operations,
      FollowUpFeature followUps, Warnings warnings, MasaSiaga siaga, ResponseFeature response, PrivacyFeature privacy) {
    this.response = response;
    this.privacy = privacy;
    this.parts = parts;
    this.bot = bot;
    this.scheduler = scheduler;
    this.operations = operations;
    this.followUps = followUps;
    this.warnings = warnings;
    this.siaga = siaga;
  }

  /** Reads config files with every feature's checks. */
  public static ConfigLoader configLoader(Function<String, String> environment) {
    return new ConfigLoader(environment, CHECKS);
  }

  /**
   * Starts a bot on an open database, sending within Telegram's limits; on failure everything opened here is
   * closed again.
   *
   * @param loader reads the config file again when it changes
   */
  public static Rakorbot start(ConfigLoader loader, RakorbotConfig config, Database database, String token, Clock clock)
      throws TelegramApiException {
    return start(loader, config, database, token, clock, SendLimits.TELEGRAM);
  }

  /** As the other {@code start}, within {@code sendLimits}: Telegram's own in production, relaxed ones in tests not about them. */
  public static Rakorbot start(ConfigLoader loader, RakorbotConfig config, Database database, String token, Clock clock,
      SendLimits sendLimits) throws TelegramApiException {
    Deque<AutoCloseable> opened = new ArrayDeque<>(); // closed in reverse order of opening
    try {
      var current = new CurrentConfig(config);
      var jdbi = database.jdbi();
      var metrics = new BotMetrics(config.schedules().stream().map(ScheduleConfig::id).toList());
      BotApi api = new BotApi(token, config.telegram().apiUrl(), config.telegram().pollTimeoutSeconds());
      opened.push(api);
      String username = api.username();
      Groups groups = new Groups(current);
      groups.syncDeclared(jdbi);
      boolean webhook = config.telegram().webhookMode();
      Leadership leadership = new Leadership(database::dedicatedConnection,
          webhook ? "keeps the webhook registered and sends the outbox" : "polls Telegram and sends the outbox");
      opened.push(leadership);
      var json = TelegramJson.mapper();
      OutboxSender sender = new OutboxSender(jdbi, api.sendClient(), json, groups, sendLimits, metrics);
      sender.sendOnlyWhile(leadership::leading);
      opened.push(sender);
      Outbox outbox = new Outbox(json, sender::wake);
      var sessions = new Sessions(current, clock);

      Rsvp rsvp = new Rsvp(jdbi, current, outbox, sessions, sendLimits.tallyCoalesce());
      var reminders = new Reminders(jdbi, current, groups, outbox, rsvp.hooks(), clock, metrics);
      reminders.briefWith(new BriefingPoster(current, groups, outbox, clock));
      FollowUpFeature followUps = new FollowUpFeature(jdbi, current, groups, outbox, sessions, clock, username);
      reminders.appendWith(followUps.reminderAddendum());
      var calendar = new id.rakorbot.calendar.CalendarFeature(jdbi, current, groups, outbox, clock);
      reminders.announceWith(calendar.announcements());
      SchedulerEngine scheduler = SchedulerEngine.start(database.dataSource(), jdbi, current, reminders, clock);
      opened.push(scheduler);
      var digests = new Digests(current, sessions, groups, outbox, clock);
      var digestSchedule = new DigestSchedule(scheduler, current, digests, jdbi, clock);
      digestSchedule.reconcile();
      Dashboard dashboard = new Dashboard(jdbi, current, digests, sessions, clock);
      AlertDesk desk = new AlertDesk(groups, outbox, clock, metrics);
      ResponseFeature response = new ResponseFeature(jdbi, current, desk);
      Reporting reporting = new Reporting(jdbi, groups, outbox, clock, metrics, desk);
      sender.mergeWith(Reporting.COPY_MERGE_KEY, reporting.copyMerger());
      Warnings warnings = new Warnings(jdbi, current, groups, outbox, clock, desk);
      reporting.listenWith(warnings::reported);
      MasaSiaga siaga = new MasaSiaga(jdbi, current, groups, outbox, clock);
      Function<RakorbotConfig, Optional<String>> siagaNotice = c -> MasaSiaga.notice(c, clock.instant());
      RosterFeature roster = new RosterFeature(jdbi, current, groups, outbox, clock, username);
      var reloader = new ConfigReloader(loader, current, List.of(roster::rosterChanged, scheduler.planner()::reconcile, digestSchedule::reconcile,
          calendar::reconcile,
          dashboard::rosterChanged, () -> metrics.schedulesKnown(current.get().schedules().stream().map(ScheduleConfig::id).toList())),
          jdbi, outbox, clock);

      PrivacyFeature privacy = new PrivacyFeature(jdbi, current, clock);
      List<Feature> features = List.of(new ScheduleFeature(clock, siagaNotice), new DigestFeature(digests),
          new BriefingFeature(sessions), rsvp, reporting, response, followUps, warnings, dashboard, siaga, roster, reloader, privacy,
          new id.rakorbot.outbox.AutoDelete(jdbi, outbox, clock), calendar);
      requireChecksListed(features);
      features.forEach(opened::push);

      TelegramBot bot = new TelegramBot(api, username, current, jdbi, groups, outbox, handlers(features, siagaNotice, roster.startFlow()), metrics, clock);
      opened.push(bot);
      Map<String, BooleanSupplier> loops = new LinkedHashMap<>(bot.loops());
      loops.put("outbox-dispatcher", sender::alive);
      loops.put("leadership", leadership::alive);
      features.forEach(feature -> loops.putAll(feature.loops()));
      Heartbeat heartbeat = new Heartbeat(jdbi, clock, instanceName(), loops, leadership::lockHolderPid);
      Optional<OperationsServer> operations = Optional.empty();
      if (config.http().enabled()) {
        var readiness = new Readiness(jdbi, heartbeat, leadership::leading,
            (webhook ? "menerima webhook" : "polling Telegram") + " dan mengirim pesan", clock);
        OperationsServer server = OperationsServer.start(config.http(), readiness::now, () -> pendingByClass(jdbi),
            leadership::leading, metrics);
        opened.push(server);
        operations = Optional.of(server);
        bot.webhookReceiver().ifPresent(receiver -> server.route(config.telegram().webhook().path(), receiver));
        Dashboard.paths().forEach(path -> server.route(path, dashboard.handler()));
        server.route(id.rakorbot.guide.Guides.PATH, new id.rakorbot.guide.Guides());
        server.route(WebAppApi.PATH, new WebAppApi(jdbi, current, reporting.forms(), followUps.forms(), token, clock));
        server.route(id.rakorbot.calendar.CalendarFeed.PATH, calendar.feed());
        server.route(id.rakorbot.webapp.WebAppPage.PATH, new id.rakorbot.webapp.WebAppPage(() -> current.get().dashboard().tileOrigin()));
      }
      ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("heartbeat").daemon().factory());
      opened.push(timer::shutdownNow);

      leadership.start();
      sender.start();
      features.forEach(Feature::start);
      bot.start(heartbeat::polled, leadership);
      timer.scheduleWithFixedDelay(heartbeat::beat, 1, 15, TimeUnit.SECONDS);
      return new Rakorbot(List.copyOf(opened), bot, scheduler, operations, followUps, warnings, siaga, response, privacy);
    } catch (TelegramApiException | RuntimeException e) {
      closeAll(List.copyOf(opened));
      throw e;
    }
  }

  /** Every feature's check must run at load and in {@code check-config}, which only know {@link #CHECKS}. */
  private static void requireChecksListed(List<Feature> features) {
    List<ConfigCheck> missing = features.stream().flatMap(f -> f.checks().stream()).filter(c -> !CHECKS.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Config checks not in Rakorbot.CHECKS: " + missing);
    }
  }

  private static Handlers handlers(List<Feature> features, Function<RakorbotConfig, Optional<String>> startNotice,
      id.rakorbot.telegram.StartFlow startFlow) {
    return new Handlers(features.stream().flatMap(f -> f.commands().stream()).toList(),
        features.stream().flatMap(f -> f.callbacks().stream()).toList(),
        features.stream().flatMap(f -> f.messageHandlers().stream()).toList(), startNotice, startFlow);
  }

  /** The reminder and digest scheduler, for the simulated-clock season test and operations tooling. */
  public SchedulerEngine scheduler() {
    return scheduler;
  }

  /** Personal data: the retention loop, which tests run after moving the clock. */
  public PrivacyFeature privacy() {
    return privacy;
  }

  /** Response to alerts (tests sweep its ladder after moving the clock). */
  public ResponseFeature response() {
    return response;
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

  /** The Telegram side, whose inbox pruning tests run after stepping the clock. */
  public TelegramBot telegram() {
    return bot;
  }

  /** Where {@code /healthz}, {@code /readyz} and {@code /metrics} answer, when {@code http.port} is set. */
  public Optional<Integer> operationsPort() {
    return operations.map(OperationsServer::port);
  }

  public String username() {
    return bot.username();
  }

  /**
   * Stops in reverse order of start: heartbeat, polling and processing (nothing new comes in), the features'
   * loops and the config watcher, Quartz, the outbox sender, the HTTP client. Leaves the database open.
   */
  @Override
  public void close() {
    log.info("Stopping Rakorbot");
    closeAll(parts);
  }

  private static Map<String, Long> pendingByClass(Jdbi jdbi) {
    try {
      Map<String, Long> pending = new LinkedHashMap<>();
      jdbi.withHandle(OutboxStatus::pendingByClass).forEach((priority, n) -> pending.put(priority.name().toLowerCase(Locale.ROOT), n));
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
