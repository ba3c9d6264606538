package id.rakorbot.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
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
 * Delivers the outbox, oldest first and in order within each chat. A row is locked ({@code FOR UPDATE SKIP
 * LOCKED}) while it is sent, so several instances can drain one outbox; it is marked sent, with Telegram's
 * message id, in that same transaction. The one window for a duplicate is a crash after Telegram accepted
 * the message and before that commit: then the message is sent again on restart.
 */
public final class OutboxSender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final Duration IDLE_WAIT = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private record Pending(long id, long chatId, String method, String payload, int attempts) {}

  private final Jdbi jdbi;
  private final TelegramClient telegram;
  private final ObjectMapper json;
  private final ChatEvents chats;
  private final Object signal = new Object();
  private volatile boolean running;
  private Thread worker;

  /** Times here are the database's: delivery happens in real time, whatever clock the features run on. */
  public OutboxSender(Jdbi jdbi, TelegramClient telegram, ObjectMapper json, ChatEvents chats) {
    this.jdbi = jdbi;
    this.telegram = telegram;
    this.json = json;
    this.chats = chats;
  }

  public void start() {
    running = true;
    worker = Thread.ofPlatform().name("outbox-sender").daemon().start(this::loop);
  }

  /** Tells the sender that new messages are waiting. */
  public void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  private void loop() {
    while (running) {
      boolean sent = false;
      try {
        sent = deliverNext();
      } catch (RuntimeException e) {
        log.warn("Outbox delivery failed, retrying: {}", e.toString());
        pause(Duration.ofSeconds(1));
      }
      if (!sent) {
        pause(IDLE_WAIT);
      }
    }
  }

  private void pause(Duration duration) {
    synchronized (signal) {
      try {
        signal.wait(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  /** Sends the next deliverable message, if any; true when one was handled. */
  boolean deliverNext() {
    return jdbi.inTransaction(handle -> {
      Optional<Pending> next = handle.createQuery("""
              SELECT id, chat_id, method, payload::text AS payload, attempts
              FROM outbox_message o
              WHERE status = 'pending' AND not_before <= now()
                AND NOT EXISTS (SELECT 1 FROM outbox_message e
                                WHERE e.chat_id = o.chat_id AND e.status = 'pending' AND e.id < o.id)
              ORDER BY id
              LIMIT 1
              FOR UPDATE SKIP LOCKED""")
          .map((rs, ctx) -> new Pending(rs.getLong("id"), rs.getLong("chat_id"), rs.getString("method"),
              rs.getString("payload"), rs.getInt("attempts")))
          .findOne();
      next.ifPresent(message -> deliver(handle, message));
      return next.isPresent();
    });
  }

  private void deliver(Handle handle, Pending message) {
    try {
      BotApiMethod<?> method = json.readValue(message.payload(), OutgoingMethods.classOf(message.method()));
      Serializable result = telegram.execute(method);
      Long messageId = result instanceof Message sent ? sent.getMessageId().longValue() : null;
      handle.createUpdate("""
              UPDATE outbox_message SET status = 'sent', sent_at = now(), telegram_message_id = :messageId,
                     attempts = attempts + 1, last_error = NULL
              WHERE id = :id""")
          .bind("messageId", messageId).bind("id", message.id()).execute();
    } catch (TelegramApiRequestException e) {
      refused(handle, message, e);
    } catch (TelegramApiException e) {
      retryLater(handle, message, backoff(message.attempts()), "network: " + e.getMessage());
    } catch (java.io.IOException e) {
      dead(handle, message, "unreadable payload: " + e.getMessage());
    }
  }

  private void refused(Handle handle, Pending message, TelegramApiRequestException e) {
    int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
    var parameters = e.getParameters();
    String description = e.getApiResponse() == null ? e.getMessage() : e.getApiResponse();
    if (code == 429) {
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
    running = false;
    wake();
    if (worker != null) {
      try {
        worker.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
