package id.rakorbot.telegram;

import id.rakorbot.config.CurrentConfig;
import id.rakorbot.outbox.Outbox;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import com.sun.net.httpserver.HttpHandler;
import id.rakorbot.cluster.Leadership;
import id.rakorbot.background.ThrottledWarning;
import id.rakorbot.ops.BotMetrics;
import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Telegram side of a running bot: polls into the inbox, processes the inbox, and publishes the
 * command menu. Outgoing messages go through the outbox, whose sender runs beside it.
 */
public final class TelegramBot implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

  private final BotApi api;
  private final CurrentConfig config;
  private final UpdateProcessor processor;
  private final Inbox inbox;
  private final InboxPruning pruning;
  private final ThrottledWarning unanswered = new ThrottledWarning(log, "Could not answer a button press");
  private Poller poller;
  private WebhookRegistration registration;
  private final CommandRegistry commands;
  private final String username;

  /** @param username the bot's @username, as {@link BotApi#username} asked Telegram once at start */
  public TelegramBot(BotApi api, String username, CurrentConfig config, Jdbi jdbi, Groups groups, Outbox outbox, Handlers features,
      BotMetrics metrics, Clock clock) {
    this.api = api;
    this.config = config;
    this.username = username;
    var all = new java.util.ArrayList<Command>(List.of(new StartCommand(features.startNotice(), features.startFlow()), new HelpCommand()));
    all.addAll(features.commands());
    this.commands = new CommandRegistry(all);
    this.inbox = new Inbox(jdbi, metrics);
    this.pruning = new InboxPruning(jdbi, config, clock);
    this.processor = new UpdateProcessor(jdbi, inbox, new UpdateRouter(config, groups, commands, features, outbox, username, this::answerNow));
  }

  /** Sent at once, not through the outbox; a refusal only means it expires (the answer itself is stored). */
  private void answerNow(AnswerCallbackQuery answer) {
    try {
      api.client().executeAsync(answer).exceptionally(e -> {
        unanswered.warn(e.toString());
        return false;
      });
    } catch (TelegramApiException e) {
      unanswered.warn(e.toString());
    }
  }

  /** The intake's loops: polling (or, in webhook mode, the webhook's upkeep) with the processing lanes, and pruning. */
  public Map<String, BooleanSupplier> loops() {
    return Map.of("polling and update processing", () -> {
      boolean intake = registration != null ? registration.alive() : poller != null && poller.alive();
      return intake && processor.alive();
    }, "inbox-pruning", pruning::alive);
  }

  /**
   * The private chats' menu button opens the Mini App's report form, when the dashboard's address is HTTPS (Telegram
   * opens nothing else); otherwise the menu stays the list of commands.
   */
  private void publishFormButton() {
    String base = config.get().dashboard().baseUrl();
    if (base == null || !base.startsWith("https://")) {
      return;
    }
    try {
      api.client().execute(org.telegram.telegrambots.meta.api.methods.menubutton.SetChatMenuButton.builder()
          .menuButton(org.telegram.telegrambots.meta.api.objects.menubutton.MenuButtonWebApp.builder().text("📝 Lapor")
              .webAppInfo(new org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo(base + "/app/")).build())
          .build());
    } catch (TelegramApiException e) {
      log.warn("Could not set the menu button to the report form: {}", e.getMessage()); // cosmetic, as the menu above
    }
  }

  /** Forgets processed updates past their retention now (tests, after moving the clock). */
  public void pruneInboxNow() {
    pruning.pruneNow();
  }

  /** Forgets processed updates past their retention, in this thread; how many (the simulated-year test). */
  public int pruneInbox() {
    return pruning.pruneAll();
  }

  /** In webhook mode, what receives Telegram's POSTs (served at {@code telegram.webhook.path}). */
  public Optional<HttpHandler> webhookReceiver() {
    var telegram = config.get().telegram();
    if (!telegram.webhookMode()) {
      return Optional.empty();
    }
    return Optional.of(new WebhookReceiver(telegram.webhook().path(), telegram.webhook().secret(), inbox, processor::wake));
  }

  public String username() {
    return username;
  }

  /**
   * Publishes the menu and starts processing and polling; {@code onPoll} runs before each getUpdates, which
   * only happen while {@code leading} says this instance leads.
   */
  public void start(Runnable onPoll, Leadership leadership) {
    try {
      api.client().execute(commands.menu());
    } catch (TelegramApiException e) {
      log.warn("Could not publish the command menu: {}", e.getMessage()); // cosmetic: the bot works without it
    }
    publishFormButton();
    processor.start();
    pruning.start();
    var telegram = config.get().telegram();
    if (telegram.webhookMode()) {
      registration = new WebhookRegistration(api.client(), telegram.webhook(), leadership, onPoll);
      registration.start();
      log.info("Rakorbot @{} is running (webhook mode)", username);
      return;
    }
    poller = api.poller(config.get().telegram().pollTimeoutSeconds(), inbox, processor::wake, onPoll, leadership::leading);
    leadership.onChange(leading -> {
      if (!leading) {
        poller.cancelInFlight();
      }
    });
    poller.start();
    log.info("Rakorbot @{} is running", username);
  }

  @Override
  public void close() {
    if (poller != null) {
      poller.close();
    }
    if (registration != null) {
      registration.close();
    }
    processor.close();
    pruning.close();
    api.close();
  }
}
