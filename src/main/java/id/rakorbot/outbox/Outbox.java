package id.rakorbot.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/** Queues outgoing Bot API calls inside the caller's transaction; the sender delivers them after commit. */
public final class Outbox {

  private final ObjectMapper json;
  private final Runnable wakeSender;

  public Outbox(ObjectMapper json, Runnable wakeSender) {
    this.json = json;
    this.wakeSender = wakeSender;
  }

  /** Queues {@code method} for {@code chatId} in the transaction of {@code handle}. */
  public void enqueue(Handle handle, long chatId, BotApiMethod<?> method) {
    enqueue(handle, chatId, method, Optional.empty());
  }

  /**
   * Queues {@code method} unless a message with the same {@code dedupKey} was queued before; for messages
   * that must go out once however often their cause is seen (a reminder, a notice).
   */
  public void enqueue(Handle handle, long chatId, BotApiMethod<?> method, Optional<String> dedupKey) {
    handle.createUpdate("""
            INSERT INTO outbox_message (chat_id, method, payload, dedup_key)
            VALUES (:chatId, :method, CAST(:payload AS jsonb), :dedupKey)
            ON CONFLICT (dedup_key) DO NOTHING""")
        .bind("chatId", chatId)
        .bind("method", OutgoingMethods.nameOf(method))
        .bind("payload", write(method))
        .bind("dedupKey", dedupKey.orElse(null))
        .execute();
    handle.afterCommit(wakeSender::run);
  }

  /** Queues a file (an export, a chart) for {@code chatId}; sent with sendDocument or sendPhoto. */
  public void enqueueFile(Handle handle, long chatId, Optional<Integer> topic, OutgoingFile file, Optional<String> dedupKey) {
    handle.createUpdate("""
            INSERT INTO outbox_message (chat_id, method, payload, dedup_key)
            VALUES (:chatId, :method, CAST(:payload AS jsonb), :dedupKey)
            ON CONFLICT (dedup_key) DO NOTHING""")
        .bind("chatId", chatId)
        .bind("method", file.kind().method())
        .bind("payload", writeFile(chatId, topic, file))
        .bind("dedupKey", dedupKey.orElse(null))
        .execute();
    handle.afterCommit(wakeSender::run);
  }

  private String writeFile(long chatId, Optional<Integer> topic, OutgoingFile file) {
    try {
      return json.writeValueAsString(new OutgoingFile.Stored(chatId, topic.orElse(null), file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot serialise a file", e);
    }
  }

  private String write(BotApiMethod<?> method) {
    try {
      return json.writeValueAsString(method);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot serialise " + method.getMethod(), e);
    }
  }
}
