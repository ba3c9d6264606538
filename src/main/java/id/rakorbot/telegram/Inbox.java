package id.rakorbot.telegram;

import id.rakorbot.ops.BotMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import id.rakorbot.storage.DatabaseErrors;
import java.io.UncheckedIOException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The {@code inbox_update} table: updates stored as received, each processed once. Storing never lets one
 * bad update hold back the others: text PostgreSQL cannot hold is cleaned first ({@link StorableText}), and
 * if a batch still fails for a reason other than an outage, each update is stored on its own and only the
 * one that fails again is set aside.
 */
final class Inbox {

  private static final Logger log = LoggerFactory.getLogger(Inbox.class);

  /** Updates are processed in this many lanes, by chat; each lane keeps its chats' order. */
  static final int LANES = 4;

  private final Jdbi jdbi;
  private final ObjectMapper json = TelegramJson.mapper();
  private final boolean clean;
  private final BotMetrics metrics;

  Inbox(Jdbi jdbi, BotMetrics metrics) {
    this(jdbi, metrics, true);
  }

  /** @param clean whether to clean text for PostgreSQL (off only to test what happens without) */
  Inbox(Jdbi jdbi, BotMetrics metrics, boolean clean) {
    this.jdbi = jdbi;
    this.metrics = metrics;
    this.clean = clean;
  }

  BotMetrics metrics() {
    return metrics;
  }

  /**
   * Stores a batch of updates as received from {@code getUpdates} (one statement). Throws only when the
   * database is unavailable, so that the caller retries; an update that cannot be stored is set aside.
   */
  void store(List<JsonNode> updates) {
    long[] ids = new long[updates.size()];
    short[] lanes = new short[updates.size()];
    String[] payloads = new String[updates.size()];
    for (int i = 0; i < updates.size(); i++) {
      JsonNode update = updates.get(i);
      if (clean) {
        cleanText(update);
      }
      ids[i] = update.path("update_id").asLong();
      lanes[i] = (short) lane(update);
      payloads[i] = update.toString();
    }
    try {
      jdbi.useExtension(InboxDao.class, dao -> dao.store(ids, lanes, payloads));
      metrics.updatesReceived(ids.length);
    } catch (RuntimeException e) {
      if (DatabaseErrors.isOutage(e)) {
        throw e;
      }
      log.warn("A batch of {} updates could not be stored ({}); storing them one by one", ids.length, e.toString());
      for (int i = 0; i < ids.length; i++) {
        storeOne(ids[i], lanes[i], payloads[i]);
      }
    }
  }

  private void storeOne(long id, short lane, String payload) {
    try {
      jdbi.useExtension(InboxDao.class, dao -> dao.store(new long[] {id}, new short[] {lane}, new String[] {payload}));
      metrics.updatesReceived(1);
    } catch (RuntimeException e) {
      if (DatabaseErrors.isOutage(e)) {
        throw e;
      }
      log.error("Update {} cannot be stored and is set aside: {}", id, e.toString());
      jdbi.useExtension(InboxDao.class, dao -> dao.setAside(id, "store", StorableText.clean(payload), e.toString()));
      metrics.updateSetAside("store");
    }
  }

  /** Replaces, in place, every string PostgreSQL cannot hold (see {@link StorableText}). */
  private static void cleanText(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (var field : object.properties()) {
        if (field.getValue() instanceof TextNode text) {
          String cleaned = StorableText.clean(text.textValue());
          if (!cleaned.equals(text.textValue())) {
            field.setValue(TextNode.valueOf(cleaned));
          }
        } else {
          cleanText(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i) instanceof TextNode text) {
          array.set(i, TextNode.valueOf(StorableText.clean(text.textValue())));
        } else {
          cleanText(array.get(i));
        }
      }
    }
  }

  /** The lane of an update: by its chat, so that a chat's updates are processed in order. */
  static int lane(JsonNode update) {
    return Math.floorMod(chatOf(update), LANES);
  }

  private static long chatOf(JsonNode update) {
    for (String kind : List.of("message", "edited_message", "my_chat_member")) {
      if (update.has(kind)) {
        return update.path(kind).path("chat").path("id").asLong();
      }
    }
    JsonNode query = update.path("callback_query");
    return query.path("message").has("chat") ? query.path("message").path("chat").path("id").asLong()
        : query.path("from").path("id").asLong();
  }

  Update read(String payload) {
    try {
      return json.readValue(payload, Update.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
