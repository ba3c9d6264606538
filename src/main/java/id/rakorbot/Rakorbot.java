package id.rakorbot;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.OutboxSender;
import id.rakorbot.storage.Database;
import id.rakorbot.telegram.BotApi;
import id.rakorbot.telegram.Groups;
import id.rakorbot.telegram.TelegramBot;
import id.rakorbot.telegram.TelegramJson;
import java.time.Clock;
import java.util.List;
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

  private final Database database;
  private final BotApi api;
  private final OutboxSender sender;
  private final TelegramBot bot;
  private final ScheduledExecutorService heartbeatTimer;

  private Rakorbot(Database database, BotApi api, OutboxSender sender, TelegramBot bot, ScheduledExecutorService timer) {
    this.database = database;
    this.api = api;
    this.sender = sender;
    this.bot = bot;
    this.heartbeatTimer = timer;
  }

  /** Starts a bot on an open database; on failure everything opened here is closed again. */
  public static Rakorbot start(RakorbotConfig config, Database database, String token, Clock clock) throws TelegramApiException {
    BotApi api = new BotApi(token, config.telegram().apiUrl(), config.telegram().pollTimeoutSeconds());
    Groups groups = new Groups(config);
    var json = TelegramJson.mapper();
    OutboxSender sender = new OutboxSender(database.jdbi(), api.client(), json, groups, clock);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("heartbeat").daemon().factory());
    try {
      groups.syncDeclared(database.jdbi());
      Outbox outbox = new Outbox(json, sender::wake);
      TelegramBot bot = new TelegramBot(api, config, database.jdbi(), groups, outbox, List.of());
      Heartbeat heartbeat = new Heartbeat(database.jdbi(), clock, UUID.randomUUID().toString());
      sender.start();
      bot.start(heartbeat::polled);
      timer.scheduleWithFixedDelay(heartbeat::beat, 1, 15, TimeUnit.SECONDS);
      return new Rakorbot(database, api, sender, bot, timer);
    } catch (TelegramApiException | RuntimeException e) {
      timer.shutdownNow();
      sender.close();
      api.close();
      throw e;
    }
  }

  public String username() {
    return bot.username();
  }

  public Database database() {
    return database;
  }

  /** Stops polling first (nothing new comes in), then processing and sending. Leaves the database open. */
  @Override
  public void close() {
    log.info("Stopping Rakorbot");
    heartbeatTimer.shutdownNow();
    bot.close();
    sender.close();
    api.close();
  }
}
