package id.rakorbot.rsvp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rakorbot.background.Worker;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.outbox.Outbox;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The live tally under reminder messages. An answer only marks the tallies of its meeting as changed;
 * a background loop edits each changed message once it has been quiet for {@link #COALESCE}, so a burst
 * of taps becomes one or two edits (Telegram counts edits against a group's 20 messages a minute).
 */
final class Tallies implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Tallies.class);
  static final Duration COALESCE = Duration.ofSeconds(2);

  private record Dirty(long chatId, long messageId, long occurrenceId, String groupId, String baseHtml, String markup, String lastText) {}

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final Outbox outbox;
  private final ObjectMapper json;
  private Worker worker;

  Tallies(Jdbi jdbi, CurrentConfig config, Outbox outbox, ObjectMapper json) {
    this.jdbi = jdbi;
    this.config = config;
    this.outbox = outbox;
    this.json = json;
  }

  /** Makes the bot's message {@code messageId} (sent through the outbox) show the tally of a meeting. */
  static void track(Handle handle, long chatId, long messageId, long occurrenceId, String groupId) {
    handle.createUpdate("""
            INSERT INTO rsvp_tally_message (chat_id, message_id, occurrence_id, group_id, base_html, reply_markup, topic_id)
            SELECT chat_id, telegram_message_id, :occurrence, :group, payload->>'text', payload->'reply_markup',
                   CAST(payload->>'message_thread_id' AS integer)
            FROM outbox_message WHERE chat_id = :chat AND telegram_message_id = :message AND status = 'sent'
            ON CONFLICT (chat_id, message_id) DO NOTHING""")
        .bind("chat", chatId).bind("message", messageId).bind("occurrence", occurrenceId).bind("group", groupId)
        .execute();
  }

  /** Tracks the latest reminder or announcement of a meeting in each group (for answers given by command). */
  static void trackLatest(Handle handle, long occurrenceId, String occurrenceKey) {
    handle.createUpdate("""
            INSERT INTO rsvp_tally_message (chat_id, message_id, occurrence_id, group_id, base_html, reply_markup, topic_id)
            SELECT DISTINCT ON (chat_id) chat_id, telegram_message_id, :occurrence, substring(dedup_key from '[^:]+$'),
                   payload->>'text', payload->'reply_markup', CAST(payload->>'message_thread_id' AS integer)
            FROM outbox_message
            WHERE status = 'sent' AND telegram_message_id IS NOT NULL
              AND (dedup_key LIKE :reminder OR dedup_key LIKE :announce)
            ORDER BY chat_id, id DESC
            ON CONFLICT (chat_id, message_id) DO NOTHING""")
        .bind("occurrence", occurrenceId)
        .bind("reminder", "reminder:" + occurrenceKey + ":%")
        .bind("announce", "announce:" + occurrenceKey + ":%")
        .execute();
  }

  /** The meeting's answers changed: its tallies need an edit. */
  static void changed(Handle handle, long occurrenceId) {
    handle.createUpdate("UPDATE rsvp_tally_message SET dirty_since = coalesce(dirty_since, now()) WHERE occurrence_id = :occurrence")
        .bind("occurrence", occurrenceId).execute();
  }

  void start() {
    worker = Worker.start("rsvp-tallies", 1, () -> {
      editDue();
      return Duration.ofMillis(250);
    });
  }

  /** Edits every tally that changed and has been quiet long enough; returns how many edits were queued. */
  int editDue() {
    return jdbi.inTransaction(handle -> {
      List<Dirty> due = handle.createQuery("""
              SELECT chat_id, message_id, occurrence_id, group_id, base_html, reply_markup::text AS markup, last_text
              FROM rsvp_tally_message
              WHERE dirty_since <= now() - make_interval(secs => :quiet)
              ORDER BY dirty_since LIMIT 20
              FOR UPDATE SKIP LOCKED""")
          .bind("quiet", COALESCE.toMillis() / 1000.0)
          .map((rs, ctx) -> new Dirty(rs.getLong("chat_id"), rs.getLong("message_id"), rs.getLong("occurrence_id"),
              rs.getString("group_id"), rs.getString("base_html"), rs.getString("markup"), rs.getString("last_text")))
          .list();
      int edits = 0;
      for (Dirty tally : due) {
        var roll = Attendance.roll(handle, tally.occurrenceId(), config.get(), List.of(tally.groupId()));
        String text = RsvpTexts.tally(tally.baseHtml(), roll);
        if (!text.equals(tally.lastText())) {
          outbox.enqueue(handle, tally.chatId(), edit(tally, text));
          edits++;
        }
        handle.createUpdate("UPDATE rsvp_tally_message SET dirty_since = NULL, last_text = :text WHERE chat_id = :chat AND message_id = :message")
            .bind("text", text).bind("chat", tally.chatId()).bind("message", tally.messageId()).execute();
      }
      return edits;
    });
  }

  private EditMessageText edit(Dirty tally, String text) {
    var edit = EditMessageText.builder().chatId(tally.chatId()).messageId((int) tally.messageId()).text(text)
        .parseMode(ParseMode.HTML).disableWebPagePreview(true);
    if (tally.markup() != null) {
      try {
        edit.replyMarkup(json.readValue(tally.markup(), InlineKeyboardMarkup.class));
      } catch (JsonProcessingException e) {
        log.warn("Buttons of message {} in {} unreadable; editing without them", tally.messageId(), tally.chatId());
      }
    }
    return edit.build();
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.close();
    }
  }
}
