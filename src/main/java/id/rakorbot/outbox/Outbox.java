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

  /** Queues a file (a CSV export) for {@code chatId}; sent with sendDocument. */
  public void enqueueDocument(Handle handle, long chatId, Optional<Integer> topic, OutgoingDocument document) {
    handle.createUpdate("""
            INSERT INTO outbox_message (chat_id, method, payload)
            VALUES (:chatId, :method, CAST(:payload AS jsonb))""")
        .bind("chatId", chatId)
        .bind("method", OutgoingDocument.METHOD)
        .bind("payload", writeDocument(chatId, topic, document))
        .execute();
    handle.afterCommit(wakeSender::run);
  }

  private String writeDocument(long chatId, Optional<Integer> topic, OutgoingDocument document) {
    try {
      return json.writeValueAsString(new OutgoingDocument.Stored(chatId, topic.orElse(null), document));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot serialise a document", e);
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
