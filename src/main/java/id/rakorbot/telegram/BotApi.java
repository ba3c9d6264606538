package id.rakorbot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The connection to one Bot API server: the client for calls and the long-polling session, both aimed at
 * the same URL (Telegram, a local Bot API server, or the test emulator), sharing one HTTP client so that
 * closing it ends every call at once.
 */
public final class BotApi implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BotApi.class);
  static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);
  static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query", "my_chat_member");

  private final String token;
  private final TelegramUrl url;
  private final OkHttpClient http;
  private final TelegramClient client;
  private final TelegramClient sendClient;
  private final ScheduledExecutorService pollerThread;
  private TelegramBotsLongPollingApplication polling;

  public BotApi(String token, String apiUrl, int pollTimeoutSeconds) {
    this.token = token;
    this.url = telegramUrl(apiUrl);
    this.http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(pollTimeoutSeconds + 15L))
        .writeTimeout(Duration.ofSeconds(30))
        .build();
    this.client = new OkHttpTelegramClient(http, token, url);
    this.sendClient = new OkHttpTelegramClient(http.newBuilder().callTimeout(SEND_TIMEOUT).build(), token, url);
    this.pollerThread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("telegram-poller").daemon().factory());
  }

  static TelegramUrl telegramUrl(String apiUrl) {
    URI uri = URI.create(apiUrl);
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
  }

  public TelegramClient client() {
    return client;
  }

  /**
   * The client for the outbox: every call ends within {@link #SEND_TIMEOUT}, well inside the outbox lease, so
   * that no message is still in flight here when another sender may take it over.
   */
  public TelegramClient sendClient() {
    return sendClient;
  }

  /** Starts long polling; {@code beforeEachPoll} sees every getUpdates request go out (the heartbeat). */
  public void startPolling(LongPollingUpdateConsumer consumer, int pollTimeoutSeconds, Runnable beforeEachPoll)
      throws TelegramApiException {
    Function<Integer, GetUpdates> requests = lastUpdateId -> {
      beforeEachPoll.run();
      return GetUpdates.builder()
          .offset(lastUpdateId + 1)
          .limit(100)
          .timeout(pollTimeoutSeconds)
          .allowedUpdates(ALLOWED_UPDATES)
          .build();
    };
    polling = new TelegramBotsLongPollingApplication(TelegramJson::mapper, () -> http, () -> pollerThread);
    BotSession session = polling.registerBot(token, () -> url, requests, consumer);
    log.info("Polling {}://{}:{} for updates", url.getSchema(), url.getHost(), url.getPort());
    if (!session.isRunning()) {
      throw new TelegramApiException("Long polling did not start");
    }
  }

  @Override
  public void close() {
    if (polling != null) {
      try {
        polling.close();
      } catch (Exception e) {
        log.warn("Polling did not stop cleanly: {}", e.toString());
      }
    }
    // Cancelling the long poll in flight makes the library log an error; at shutdown it is expected.
    if (LoggerFactory.getLogger(BotSession.class) instanceof ch.qos.logback.classic.Logger poller) {
      poller.setLevel(ch.qos.logback.classic.Level.OFF);
    }
    pollerThread.shutdownNow();
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }
}
