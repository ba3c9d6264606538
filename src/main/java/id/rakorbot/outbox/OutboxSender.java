package id.rakorbot.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rakorbot.background.Worker;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Delivers the outbox, oldest first and in order within each chat, within Telegram's limits
 * ({@link RateLimiter}; a 429 still makes the chat wait its {@code retry_after}). A row is locked ({@code FOR UPDATE SKIP
 * LOCKED}) while it is sent, so several instances can drain one outbox; it is marked sent, with Telegram's
 * message id, in that same transaction. If the database fails between Telegram's answer and that commit,
 * the sender keeps the answer and records it when the database is back. The one window left for a
 * duplicate is a crash of the process in that moment: the message is then sent again after restart.
 */
public final class OutboxSender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final Duration IDLE_WAIT = Duration.ofMillis(500);
  /** Parallel sends: Telegram answers in 50-300 ms, and 30 messages a second need several in flight. */
  private static final int WORKERS = 4;
  /** How many chats' next messages a worker looks at to find one the limits allow. */
  private static final int CANDIDATES = 64;
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private record Pending(long id, long chatId, String method, String payload, int attempts) {}

  private final Jdbi jdbi;
  private final TelegramClient telegram;
  private final ObjectMapper json;
  private final ChatEvents chats;
  private final RateLimiter limits = new RateLimiter(System::nanoTime);
  private final Map<Long, Optional<Long>> sentNotRecorded = new ConcurrentHashMap<>();
  private volatile Worker workers;

  /** Times here are the database's: delivery happens in real time, whatever clock the features run on. */
  public OutboxSender(Jdbi jdbi, TelegramClient telegram, ObjectMapper json, ChatEvents chats) {
    this.jdbi = jdbi;
    this.telegram = telegram;
    this.json = json;
    this.chats = chats;
  }

  public void start() {
    workers = Worker.start("outbox-sender", WORKERS, this::deliverNext);
  }

  /** Tells the sender that new messages are waiting. */
  public void wake() {
    if (workers != null) {
      workers.wake();
    }
  }

  /**
   * Sends one message that the limits allow now, if any. Returns zero when one was handled, else how long
   * to wait before there can be one (capped by the idle wait).
   */
  Duration deliverNext() {
    recordSentDuringOutage();
    List<Pending> heads = jdbi.withHandle(handle -> handle.createQuery("""
            SELECT id, chat_id, method, payload::text AS payload, attempts
            FROM outbox_message o
            WHERE status = 'pending' AND not_before <= now()
              AND NOT EXISTS (SELECT 1 FROM outbox_message e
                              WHERE e.chat_id = o.chat_id AND e.status = 'pending' AND e.id < o.id)
            ORDER BY id
            LIMIT :limit""")
        .bind("limit", CANDIDATES)
        .map((rs, ctx) -> new Pending(rs.getLong("id"), rs.getLong("chat_id"), rs.getString("method"),
            rs.getString("payload"), rs.getInt("attempts")))
        .list());
    Duration wait = IDLE_WAIT;
    for (Pending head : heads) {
      if (sentNotRecorded.containsKey(head.id())) {
        continue;
      }
      Duration needed = jdbi.inTransaction(handle -> {
        boolean locked = handle.createQuery("SELECT 1 FROM outbox_message WHERE id = :id AND status = 'pending' AND not_before <= now() FOR UPDATE SKIP LOCKED")
            .bind("id", head.id()).mapTo(Integer.class).findOne().isPresent();
        if (!locked) {
          return IDLE_WAIT; // another worker or instance has it
        }
        Duration limited = limits.tryAcquire(head.chatId());
        if (limited.isZero()) {
          deliver(handle, head);
        }
        return limited;
      });
      if (needed.isZero()) {
        sentNotRecorded.remove(head.id()); // committed
        return Duration.ZERO;
      }
      wait = needed.compareTo(wait) < 0 ? needed : wait;
    }
    return wait;
  }

  private void deliver(Handle handle, Pending message) {
    try {
      Serializable result;
      if (OutgoingFile.Kind.carries(message.method())) {
        result = json.readValue(message.payload(), OutgoingFile.Stored.class).send(telegram);
      } else {
        BotApiMethod<?> method = json.readValue(message.payload(), OutgoingMethods.classOf(message.method()));
        result = telegram.execute(method);
      }
      Long messageId = result instanceof Message sent ? sent.getMessageId().longValue() : null;
      sentNotRecorded.put(message.id(), Optional.ofNullable(messageId));
      markSent(handle, message.id(), messageId);
    } catch (TelegramApiRequestException e) {
      refused(handle, message, e);
    } catch (TelegramApiException e) {
      retryLater(handle, message, backoff(message.attempts()), "network: " + e.getMessage());
    } catch (java.io.IOException e) {
      dead(handle, message, "unreadable payload: " + e.getMessage());
    }
  }

  private static void markSent(Handle handle, long id, Long messageId) {
    handle.createUpdate("""
            UPDATE outbox_message SET status = 'sent', sent_at = now(), telegram_message_id = :messageId,
                   attempts = attempts + 1, last_error = NULL
            WHERE id = :id AND status = 'pending'""")
        .bind("messageId", messageId).bind("id", id).execute();
  }

  /**
   * Messages Telegram accepted while the database could not record it (an outage between send and
   * commit): recorded as soon as the database is back, and never sent again by this instance meanwhile.
   */
  private void recordSentDuringOutage() {
    for (var entry : sentNotRecorded.entrySet()) {
      jdbi.useHandle(handle -> markSent(handle, entry.getKey(), entry.getValue().orElse(null)));
      sentNotRecorded.remove(entry.getKey());
    }
  }

  private void refused(Handle handle, Pending message, TelegramApiRequestException e) {
    int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
    var parameters = e.getParameters();
    String description = e.getApiResponse() == null ? e.getMessage() : e.getApiResponse();
    if (code == 400 && description.contains("message is not modified")) {
      markSent(handle, message.id(), null); // the edit was already in place: nothing lost
    } else if (code == 429) {
      int seconds = parameters != null && parameters.getRetryAfter() != null ? parameters.getRetryAfter() : 5;
      log.warn("Telegram asked to wait {} s before writing to chat {}", seconds, message.chatId());
      retryLater(handle, message, Duration.ofSeconds(seconds), "429: " + description);
    } else if (code == 400 && parameters != null && parameters.getMigrateToChatId() != null) {
      long newChat = parameters.getMigrateToChatId();
      log.info("Chat {} moved to {}; re-keying its messages", message.chatId(), newChat);
      chats.chatMigrated(handle, message.chatId(), newChat);
    } else if (code == 403 || code == 400 && description.toLowerCase().contains("chat not found")) {
      log.warn("Chat {} is gone ({}); message {} dropped", message.chatId(), description, message.id());
      dead(handle, message, code + ": " + description);
      chats.chatGone(handle, message.chatId());
    } else if (code >= 500 || code == 0) {
      retryLater(handle, message, backoff(message.attempts()), code + ": " + description);
    } else {
      log.error("Telegram refused outbox message {} ({}): {}", message.id(), message.method(), description);
      dead(handle, message, code + ": " + description);
    }
  }

  private void retryLater(Handle handle, Pending message, Duration wait, String error) {
    handle.createUpdate("""
            UPDATE outbox_message SET attempts = attempts + 1, last_error = :error,
                   not_before = now() + make_interval(secs => :seconds)
            WHERE id = :id""")
        .bind("seconds", wait.toMillis() / 1000.0).bind("error", error).bind("id", message.id()).execute();
  }

  private void dead(Handle handle, Pending message, String error) {
    handle.createUpdate("UPDATE outbox_message SET status = 'dead', attempts = attempts + 1, last_error = :error WHERE id = :id")
        .bind("error", error).bind("id", message.id()).execute();
  }

  private static Duration backoff(int attempts) {
    Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 9));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  @Override
  public void close() {
    if (workers != null) {
      workers.close();
    }
  }
}
