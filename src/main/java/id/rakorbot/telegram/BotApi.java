package id.rakorbot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The connection to one Bot API server (Telegram, a local Bot API server, or the test emulator): the
 * TelegramBots client for calls, and the address the {@link Poller} asks for updates, sharing one HTTP
 * client so that closing it ends every call at once.
 */
public final class BotApi implements AutoCloseable {

  static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);
  static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query", "my_chat_member");

  private final HttpUrl botUrl;
  private final OkHttpClient http;
  private final TelegramClient client;
  private final TelegramClient sendClient;

  public BotApi(String token, String apiUrl, int pollTimeoutSeconds) {
    TelegramUrl url = telegramUrl(apiUrl);
    this.botUrl = new HttpUrl.Builder().scheme(url.getSchema()).host(url.getHost()).port(url.getPort())
        .addPathSegment("bot" + token).addPathSegment("").build();
    // TelegramBots runs calls through OkHttp's dispatcher, which allows 5 at a time per host by default: at
    // Telegram's 300 ms that caps sending at ~16 msg/s. The outbox keeps up to 16 sends in flight.
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(64);
    dispatcher.setMaxRequestsPerHost(64);
    this.http = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(pollTimeoutSeconds + 15L))
        .writeTimeout(Duration.ofSeconds(30))
        .build();
    this.client = new OkHttpTelegramClient(http, token, url);
    this.sendClient = new OkHttpTelegramClient(http.newBuilder().callTimeout(SEND_TIMEOUT).build(), token, url);
  }

  static TelegramUrl telegramUrl(String apiUrl) {
    URI uri = URI.create(apiUrl);
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
  }

  public TelegramClient client() {
    return client;
  }

  /** The bot's @username, asked of Telegram ({@code getMe}); a refused token fails here, before anything starts. */
  public String username() throws TelegramApiException {
    return client.execute(new GetMe()).getUserName();
  }

  /**
   * The client for the outbox: every call ends within {@link #SEND_TIMEOUT}, well inside the outbox lease, so
   * that no message is still in flight here when another sender may take it over.
   */
  public TelegramClient sendClient() {
    return sendClient;
  }

  /** A long poller into {@code inbox}; {@code beforeEachPoll} sees every getUpdates request go out (the heartbeat). */
  Poller poller(int pollTimeoutSeconds, Inbox inbox, Runnable afterStore, Runnable beforeEachPoll,
      java.util.function.BooleanSupplier leading) {
    return new Poller(http, botUrl, pollTimeoutSeconds, inbox, afterStore, beforeEachPoll, leading);
  }

  @Override
  public void close() {
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }
}
