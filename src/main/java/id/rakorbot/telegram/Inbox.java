package id.rakorbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  private final ObjectMapper json;

  /** @param json writes updates for storage: {@link #storageMapper()} in production */
  Inbox(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /** The Bot API mapping with every string cleaned for PostgreSQL. */
  static ObjectMapper storageMapper() {
    return TelegramJson.mapper().registerModule(StorableText.module());
  }

  /**
   * Stores a batch (one statement). Throws only when the database is unavailable, so that the caller
   * retries; an update that cannot be stored is set aside instead.
   */
  void store(List<Update> updates) {
    long[] ids = new long[updates.size()];
    short[] lanes = new short[updates.size()];
    String[] payloads = new String[updates.size()];
    for (int i = 0; i < updates.size(); i++) {
      ids[i] = updates.get(i).getUpdateId();
      lanes[i] = (short) lane(updates.get(i));
      payloads[i] = write(updates.get(i));
    }
    try {
      jdbi.useExtension(InboxDao.class, dao -> dao.store(ids, lanes, payloads));
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
    } catch (RuntimeException e) {
      if (DatabaseErrors.isOutage(e)) {
        throw e;
      }
      log.error("Update {} cannot be stored and is set aside: {}", id, e.toString());
      jdbi.useExtension(InboxDao.class, dao -> dao.setAside(id, "store", StorableText.clean(payload), e.toString()));
    }
  }

  /** The lane of an update: by its chat, so that a chat's updates are processed in order. */
  static int lane(Update update) {
    try {
      return Math.floorMod(chatOf(update), LANES);
    } catch (NullPointerException e) {
      return 0; // a malformed update (no chat): any lane will do; processing sets it aside
    }
  }

  private static long chatOf(Update update) {
    if (update.hasMessage()) {
      return update.getMessage().getChatId();
    }
    if (update.hasEditedMessage()) {
      return update.getEditedMessage().getChatId();
    }
    if (update.hasCallbackQuery()) {
      var query = update.getCallbackQuery();
      return query.getMessage() != null ? query.getMessage().getChatId() : query.getFrom().getId();
    }
    if (update.hasMyChatMember()) {
      return update.getMyChatMember().getChat().getId();
    }
    return 0;
  }

  Update read(String payload) {
    try {
      return json.readValue(payload, Update.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String write(Update update) {
    try {
      return json.writeValueAsString(update);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
