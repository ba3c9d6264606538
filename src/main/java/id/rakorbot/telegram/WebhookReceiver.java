package id.rakorbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import id.rakorbot.storage.DatabaseErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook mode's intake: Telegram POSTs one update per request. The secret header is compared in constant
 * time; the update is stored in the inbox (exactly as a poll would store it) before the answer, so a 200
 * means it is safe, and a database outage answers 503 so that Telegram delivers it again. The inbox keys
 * updates by id: a repeat, or the same update reaching two instances, is stored once.
 */
final class WebhookReceiver implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);
  /** Updates are a few KB; Telegram's largest (long texts, big keyboards) stay far below this. */
  static final int MAX_BODY = 1 << 20;
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private final String path;
  private final byte[] secretDigest;
  private final Inbox inbox;
  private final Runnable afterStore;
  /** One JSON object and nothing after it: trailing text, a second object or a stray brace make the body invalid. */
  private final ObjectReader json = TelegramJson.mapper().readerFor(JsonNode.class)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  WebhookReceiver(String path, String secret, Inbox inbox, Runnable afterStore) {
    this.path = path;
    this.secretDigest = digest(secret);
    this.inbox = inbox;
    this.afterStore = afterStore;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals(path)) {
        answer(exchange, 404);
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405);
        return;
      }
      String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
      // Digests of equal length, compared in constant time: neither the secret nor its length leaks.
      if (given == null || !MessageDigest.isEqual(secretDigest, digest(given))) {
        answer(exchange, 401);
        return;
      }
      byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY);
      if (body == null) {
        answer(exchange, 413);
        return;
      }
      JsonNode update;
      try {
        update = json.readValue(body);
      } catch (IOException e) {
        answer(exchange, 400);
        return;
      }
      if (update == null || !update.isObject() || !update.path("update_id").canConvertToLong()) {
        answer(exchange, 400);
        return;
      }
      try {
        inbox.store(List.of(update));
      } catch (RuntimeException e) {
        log.warn("Update {} from the webhook not stored ({}); Telegram will deliver it again",
            update.path("update_id").asLong(), DatabaseErrors.isOutage(e) ? "database unavailable" : e.toString());
        answer(exchange, 503);
        return;
      }
      afterStore.run();
      answer(exchange, 200);
    }
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
  }

  /** The body, or null when it is longer than {@code limit}. */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    return bytes.length > limit ? null : bytes;
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
