package id.rakorbot.outbox;

import id.rakorbot.ops.BotMetrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * One call to Telegram for claimed outbox messages, outside any transaction, and what its answer means for
 * them: an {@link Outcome} recorded afterwards in a short transaction.
 */
final class SendCall {

  private static final Logger log = LoggerFactory.getLogger(SendCall.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  /** What to write about the messages {@code ids} once Telegram has answered. */
  record Outcome(long[] ids, Recording recording) {
    void record(Handle handle, OutboxDao dao) {
      recording.record(handle, dao);
    }
  }

  interface Recording {
    void record(Handle handle, OutboxDao dao);
  }

  private final TelegramClient telegram;
  private final ObjectMapper json;
  private final ChatEvents chats;
  private final RateLimiter limits;
  private final BotMetrics metrics;

  SendCall(TelegramClient telegram, ObjectMapper json, ChatEvents chats, RateLimiter limits, BotMetrics metrics) {
    this.metrics = metrics;
    this.telegram = telegram;
    this.json = json;
    this.chats = chats;
    this.limits = limits;
  }

  Outcome send(OutboxDao.Claimed message) {
    try {
      Serializable result;
      if (OutgoingFile.Kind.carries(message.method())) {
        OutgoingFile.Stored file = json.readValue(message.payload(), OutgoingFile.Stored.class);
        limits.awaitDeparture(message.chatId());
        result = file.send(telegram);
      } else {
        BotApiMethod<?> method = json.readValue(message.payload(), OutgoingMethods.classOf(message.method()));
        limits.awaitDeparture(message.chatId());
        result = telegram.execute(method);
      }
      return sent(new long[] {message.id()}, result);
    } catch (IOException e) {
      return dead(new long[] {message.id()}, message.chatId(), "unreadable payload: " + e.getMessage(), false);
    } catch (TelegramApiException e) {
      if (message.hasFallback() && e instanceof TelegramApiRequestException refused && Integer.valueOf(400).equals(refused.getErrorCode())) {
        // Telegram would not show it to that person alone (not a group admin, an older rule): the fallback goes instead.
        log.info("Ephemeral message {} refused in chat {} ({}); its fallback takes its place", message.id(), message.chatId(),
            refused.getApiResponse());
        metrics.send("ephemeral_refused");
        String error = "400: " + refused.getApiResponse();
        return new Outcome(new long[] {message.id()}, (handle, dao) -> dao.useFallback(message.id(), error));
      }
      if (message.method().equals("deletemessage") && e instanceof TelegramApiRequestException refused
          && Integer.valueOf(400).equals(refused.getErrorCode())) {
        // Already gone (deleted by a member, or older than Telegram lets a bot delete): nothing is left to do.
        log.info("Message to delete in chat {} was not deleted: {}", message.chatId(), refused.getApiResponse());
        return new Outcome(new long[] {message.id()}, (handle, dao) -> dao.markSent(new long[] {message.id()}, null));
      }
      return failed(new long[] {message.id()}, message.chatId(), message.attempts(), e);
    }
  }

  /** Sends one message in place of all of {@code messages} (same chat, same merge key). */
  Outcome sendMerged(List<OutboxDao.Claimed> messages, Merger merger) {
    long[] ids = messages.stream().mapToLong(OutboxDao.Claimed::id).toArray();
    OutboxDao.Claimed first = messages.getFirst();
    try {
      SendMessage template = json.readValue(first.payload(), SendMessage.class);
      SendMessage merged = merger.merge(template, messages.stream().map(OutboxDao.Claimed::mergeLine).toList());
      merged.setText(TextLimits.fit(merged.getText(), TextLimits.MESSAGE));
      limits.awaitDeparture(first.chatId());
      return sent(ids, telegram.execute(merged));
    } catch (IOException e) {
      return dead(ids, first.chatId(), "unreadable payload: " + e.getMessage(), false);
    } catch (TelegramApiException e) {
      return failed(ids, first.chatId(), first.attempts(), e);
    }
  }

  private Outcome sent(long[] ids, Serializable result) {
    // An ephemeral message has no message id of the group's (only an ephemeral one, for the one who sees it).
    Long messageId = result instanceof Message sent && sent.getMessageId() != null ? Long.valueOf(sent.getMessageId()) : null;
    metrics.send("sent");
    return new Outcome(ids, (handle, dao) -> dao.markSent(ids, messageId));
  }

  private Outcome failed(long[] ids, long chatId, int attempts, TelegramApiException error) {
    if (!(error instanceof TelegramApiRequestException refused)) {
      Duration wait = backoff(attempts);
      metrics.send("network_error");
      return new Outcome(ids, (handle, dao) -> dao.retryLater(ids, seconds(wait), "network: " + error.getMessage()));
    }
    int code = refused.getErrorCode() == null ? 0 : refused.getErrorCode();
    var parameters = refused.getParameters();
    String description = refused.getApiResponse() == null ? String.valueOf(refused.getMessage()) : refused.getApiResponse();
    if (code == 400 && description.contains("message is not modified")) {
      metrics.send("not_modified");
      return new Outcome(ids, (handle, dao) -> dao.markSent(ids, null)); // the edit was already in place: nothing lost
    }
    if (code == 429) {
      int retryAfter = parameters != null && parameters.getRetryAfter() != null ? parameters.getRetryAfter() : 5;
      log.warn("Telegram asked to wait {} s before writing to chat {}", retryAfter, chatId);
      limits.penalize(chatId, Duration.ofSeconds(retryAfter));
      metrics.send("429");
      return new Outcome(ids, (handle, dao) -> dao.retryLater(ids, retryAfter, "429: " + description));
    }
    if (code == 400 && parameters != null && parameters.getMigrateToChatId() != null) {
      long newChat = parameters.getMigrateToChatId();
      log.info("Chat {} moved to {}; re-keying its messages", chatId, newChat);
      metrics.send("migrated");
      return new Outcome(ids, (handle, dao) -> {
        dao.moveChat(chatId, newChat);
        chats.chatMigrated(handle, chatId, newChat);
        dao.release(ids);
      });
    }
    if (code == 403 || code == 400 && description.toLowerCase(java.util.Locale.ROOT).contains("chat not found")) {
      log.warn("Chat {} is gone ({}); message(s) {} dropped", chatId, description, ids[0]);
      return dead(ids, chatId, code + ": " + description, true);
    }
    if (code >= 500 || code == 0) {
      Duration wait = backoff(attempts);
      metrics.send("5xx");
      return new Outcome(ids, (handle, dao) -> dao.retryLater(ids, seconds(wait), code + ": " + description));
    }
    log.error("Telegram refused outbox message {}: {}", ids[0], description);
    return dead(ids, chatId, code + ": " + description, false);
  }

  private Outcome dead(long[] ids, long chatId, String error, boolean chatGone) {
    metrics.send("dead");
    return new Outcome(ids, (handle, dao) -> {
      dao.dead(ids, error);
      if (chatGone) {
        chats.chatGone(handle, chatId);
      }
    });
  }

  private static double seconds(Duration wait) {
    return wait.toMillis() / 1000.0;
  }

  private static Duration backoff(int attempts) {
    Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 9));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }
}
