package id.rakorbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.telegram.telegrambots.meta.api.objects.Update;

/** The {@code inbox_update} table: updates stored as received, each processed once. */
final class Inbox {

  /** After this many failed attempts an update is set aside (marked processed with its error). */
  static final int MAX_ATTEMPTS = 3;

  record Stored(long updateId, Update update, int attempts) {}

  private final Jdbi jdbi;
  private final ObjectMapper json;

  Inbox(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /** Stores a batch in one transaction; an update seen before is ignored (Telegram may deliver twice). */
  void store(List<Update> updates) {
    jdbi.useTransaction(handle -> {
      var batch = handle.prepareBatch("""
          INSERT INTO inbox_update (update_id, payload) VALUES (:id, CAST(:payload AS jsonb))
          ON CONFLICT (update_id) DO NOTHING""");
      for (Update update : updates) {
        batch.bind("id", update.getUpdateId().longValue()).bind("payload", write(update)).add();
      }
      batch.execute();
    });
  }

  /** Locks and returns the oldest unprocessed update, within the caller's transaction. */
  Optional<Stored> claimNext(Handle handle) {
    return handle.createQuery("""
            SELECT update_id, payload::text AS payload, attempts FROM inbox_update
            WHERE processed_at IS NULL
            ORDER BY update_id
            LIMIT 1
            FOR UPDATE SKIP LOCKED""")
        .map((rs, ctx) -> new Stored(rs.getLong("update_id"), read(rs.getString("payload")), rs.getInt("attempts")))
        .findOne();
  }

  void markProcessed(Handle handle, long updateId) {
    handle.createUpdate("UPDATE inbox_update SET processed_at = now(), attempts = attempts + 1 WHERE update_id = :id")
        .bind("id", updateId).execute();
  }

  /** Records a failed attempt; returns the number of attempts so far. */
  int recordFailure(long updateId, String error) {
    return jdbi.withHandle(handle -> handle.createQuery("""
            UPDATE inbox_update SET attempts = attempts + 1, last_error = :error,
                   processed_at = CASE WHEN attempts + 1 >= :max THEN now() END
            WHERE update_id = :id
            RETURNING attempts""")
        .bind("error", error).bind("max", MAX_ATTEMPTS).bind("id", updateId)
        .mapTo(Integer.class).one());
  }

  private String write(Update update) {
    try {
      return json.writeValueAsString(update);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Update read(String payload) {
    try {
      return json.readValue(payload, Update.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
