package id.rakorbot.telegram;

import id.rakorbot.background.Worker;
import id.rakorbot.cluster.Leadership;
import id.rakorbot.config.TelegramSettings.WebhookSettings;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Webhook mode's link to Telegram, kept by the leader only (Telegram answers concurrent setWebhook calls with
 * 429): {@code setWebhook} once on becoming leader, then {@code getWebhookInfo} every half minute to see that
 * it is still ours and to report Telegram's last delivery error; each answer counts as contact for health.
 */
final class WebhookRegistration implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(30);
  private static final Duration STANDBY_CHECK = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  private final TelegramClient client;
  private final WebhookSettings webhook;
  private final Leadership leadership;
  private final Runnable onContact;
  private Worker worker;
  private boolean registered;
  private String lastError;
  private Duration backoff = Duration.ofSeconds(1);

  WebhookRegistration(TelegramClient client, WebhookSettings webhook, Leadership leadership, Runnable onContact) {
    this.client = client;
    this.webhook = webhook;
    this.leadership = leadership;
    this.onContact = onContact;
  }

  void start() {
    worker = Worker.start("webhook-registration", 1, this::step);
  }

  boolean alive() {
    return worker != null && worker.alive();
  }

  private Duration step() {
    if (!leadership.leading()) {
      registered = false; // the next leadership sets it again
      return STANDBY_CHECK;
    }
    try {
      if (!registered) {
        client.execute(SetWebhook.builder().url(webhook.url()).secretToken(webhook.secret())
            .allowedUpdates(BotApi.ALLOWED_UPDATES).maxConnections(webhook.maxConnections()).dropPendingUpdates(false).build());
        registered = true;
        log.info("Webhook set: Telegram delivers updates to {}", webhook.url());
      }
      WebhookInfo info = client.execute(new GetWebhookInfo());
      onContact.run();
      if (!webhook.url().equals(info.getUrl())) {
        log.warn("Telegram's webhook is '{}', not ours; setting it again", info.getUrl());
        registered = false;
        return Duration.ZERO;
      }
      if (info.getLastErrorMessage() != null && !Objects.equals(info.getLastErrorMessage(), lastError)) {
        log.warn("Telegram reports a webhook delivery error: {} ({} updates waiting)", info.getLastErrorMessage(),
            info.getPendingUpdatesCount());
      }
      lastError = info.getLastErrorMessage();
      backoff = Duration.ofSeconds(1);
      return CHECK_EVERY;
    } catch (TelegramApiException e) {
      log.warn("Webhook registration failed ({}); retrying in {} s", e.getMessage(), backoff.toSeconds());
      Duration wait = backoff;
      backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      return wait;
    }
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.close();
    }
  }
}
