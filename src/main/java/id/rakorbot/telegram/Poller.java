package id.rakorbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling, written for the inbox: each {@code getUpdates} answer is read as a JSON tree and its updates
 * stored as received (cleaned for PostgreSQL) before the next request confirms them to Telegram. No update
 * is turned into Bot API objects here; processing does that once. Errors never end the loop: a 409 (another
 * poller or a webhook holds the bot) is one log line and a pause, anything else a retry with backoff.
 */
final class Poller implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Poller.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Duration AFTER_CONFLICT = Duration.ofSeconds(10);
  private static final Duration STANDBY_CHECK = Duration.ofMillis(500);

  private final OkHttpClient http;
  private final HttpUrl base;
  private final int timeoutSeconds;
  private final Inbox inbox;
  private final Runnable afterStore;
  private final Runnable beforeEachPoll;
  private final java.util.function.BooleanSupplier leading;
  private final ObjectMapper json = TelegramJson.mapper();
  private volatile boolean running = true;
  private volatile Call inFlight;
  private Thread thread;

  /** @param base the bot's API root, {@code scheme://host:port/bot<token>/} */
  Poller(OkHttpClient http, HttpUrl base, int timeoutSeconds, Inbox inbox, Runnable afterStore, Runnable beforeEachPoll,
      java.util.function.BooleanSupplier leading) {
    this.leading = leading;
    this.http = http;
    this.base = base;
    this.timeoutSeconds = timeoutSeconds;
    this.inbox = inbox;
    this.afterStore = afterStore;
    this.beforeEachPoll = beforeEachPoll;
  }

  void start() {
    thread = Thread.ofPlatform().name("telegram-poller").daemon().start(this::loop);
  }

  /** Ends the long poll in flight at once (this instance stopped leading: another will poll). */
  void cancelInFlight() {
    Call call = inFlight;
    if (call != null) {
      call.cancel();
    }
  }

  boolean alive() {
    return running && thread != null && thread.isAlive();
  }

  private void loop() {
    long offset = 0;
    Duration backoff = Duration.ofSeconds(1);
    boolean webhookRemoved = false;
    while (running) {
      if (!leading.getAsBoolean()) {
        webhookRemoved = false; // a new leader starts over: deleteWebhook, then poll
        sleep(STANDBY_CHECK);
        continue;
      }
      try {
        if (!webhookRemoved) {
          call("deleteWebhook", Map.of("drop_pending_updates", false));
          webhookRemoved = true;
        }
        beforeEachPoll.run();
        JsonNode result = call("getUpdates", Map.of("offset", offset, "limit", 100, "timeout", timeoutSeconds,
            "allowed_updates", BotApi.ALLOWED_UPDATES));
        List<JsonNode> updates = new ArrayList<>();
        result.forEach(updates::add);
        if (!updates.isEmpty()) {
          storeUntilDone(updates);
          offset = updates.getLast().path("update_id").asLong() + 1;
        }
        backoff = Duration.ofSeconds(1);
      } catch (Refused e) {
        if (!running) {
          return;
        }
        if (e.code == 409) {
          // Only a leader polls, so this is a leader that has not yet noticed it lost leadership, a process
          // outside this database, or a webhook: one line, then wait and look at leadership again.
          log.warn("Telegram answered 409: another poller or a webhook is active for this bot; waiting {} s",
              AFTER_CONFLICT.toSeconds());
          webhookRemoved = false;
          sleep(AFTER_CONFLICT);
        } else {
          log.warn("getUpdates refused ({} {}); retrying in {} s", e.code, e.getMessage(), backoff.toSeconds());
          sleep(backoff);
          backoff = next(backoff);
        }
      } catch (IOException | RuntimeException e) {
        if (!running) {
          return;
        }
        if (!leading.getAsBoolean()) {
          continue; // the poll was cancelled because another instance leads now
        }
        log.warn("Cannot reach the Bot API ({}); retrying in {} s", e.toString(), backoff.toSeconds());
        sleep(backoff);
        backoff = next(backoff);
      }
    }
  }

  /**
   * Stores a batch before the next getUpdates confirms it, waiting out a database outage. Stopping before it
   * is stored is safe: nothing confirms these updates, so Telegram delivers them again to the next run.
   */
  private void storeUntilDone(List<JsonNode> updates) {
    Duration wait = Duration.ofMillis(200);
    while (running) {
      try {
        inbox.store(updates);
        afterStore.run();
        return;
      } catch (RuntimeException e) {
        log.warn("Could not store {} update(s), retrying in {} ms: {}", updates.size(), wait.toMillis(), e.toString());
        sleep(wait);
        wait = next(wait);
      }
    }
  }

  private JsonNode call(String method, Map<String, Object> parameters) throws IOException {
    Request request = new Request.Builder().url(base.resolve(method))
        .post(RequestBody.create(json.writeValueAsBytes(parameters), JSON)).build();
    Call call = http.newCall(request); // its read timeout is longer than the long poll's

    inFlight = call;
    try (Response response = call.execute()) {
      JsonNode body = json.readTree(response.body().byteStream());
      if (!body.path("ok").asBoolean(false)) {
        throw new Refused(body.path("error_code").asInt(response.code()), body.path("description").asText(response.message()));
      }
      return body.path("result");
    } finally {
      inFlight = null;
    }
  }

  private static final class Refused extends IOException {
    final int code;

    Refused(int code, String description) {
      super(description);
      this.code = code;
    }
  }

  private static Duration next(Duration wait) {
    Duration doubled = wait.multipliedBy(2);
    return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
  }

  private void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    Call call = inFlight;
    if (call != null) {
      call.cancel();
    }
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
