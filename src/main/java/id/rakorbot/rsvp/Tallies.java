package id.rakorbot.rsvp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rakorbot.background.Worker;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The live tally under reminder messages. RSVP records every announcement and reminder it put buttons under
 * (by outbox id); an answer only marks the tallies of its meeting as changed, and a background loop edits
 * each changed message {@code coalesce} after its first change (2 s in production), so a burst of taps
 * becomes one or two edits (Telegram counts edits against a group's 20 messages a minute).
 */
final class Tallies implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Tallies.class);

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final Outbox outbox;
  private final ObjectMapper json;
  private final Duration coalesce;
  /** How often the loop looks for tallies due; a fraction of the 2 s production coalesce. */
  private static final Duration LOOK_EVERY = Duration.ofMillis(250);
  private Worker worker;

  Tallies(Jdbi jdbi, CurrentConfig config, Outbox outbox, ObjectMapper json, Duration coalesce) {
    this.coalesce = coalesce;
    this.jdbi = jdbi;
    this.config = config;
    this.outbox = outbox;
    this.json = json;
  }

  /** Remembers a message with answer buttons of a meeting, queued as outbox message {@code outboxId}. */
  void posted(Handle handle, long outboxId, long occurrenceId, String groupId, SendMessage message) {
    String markup;
    try {
      markup = message.getReplyMarkup() == null ? null : json.writeValueAsString(message.getReplyMarkup());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Buttons cannot be written", e);
    }
    handle.attach(RsvpDao.class).posted(outboxId, occurrenceId, groupId, message.getText(), markup);
  }

  /**
   * Makes the pressed message show the meeting's tally; false when that message does not carry this
   * meeting's buttons (a forged or foreign button).
   */
  boolean track(Handle handle, long chatId, long messageId, long occurrenceId) {
    Optional<Long> outboxId = outbox.findSent(handle, chatId, messageId);
    return outboxId.isPresent() && handle.attach(RsvpDao.class).makeLive(outboxId.get(), occurrenceId);
  }

  /** Makes the newest announcement or reminder of a meeting in each group show the tally (answers by command). */
  static void trackNewest(Handle handle, long occurrenceId) {
    handle.attach(RsvpDao.class).makeNewestLive(occurrenceId);
  }

  /** The meeting's answers changed: its tallies need an edit. */
  static void changed(Handle handle, long occurrenceId) {
    handle.attach(RsvpDao.class).changed(occurrenceId);
  }

  void start() {
    worker = Worker.start("rsvp-tallies", 1, () -> {
      editDue();
      return coalesce.compareTo(LOOK_EVERY) < 0 ? Duration.ofMillis(50) : LOOK_EVERY;
    });
  }

  boolean alive() {
    return worker != null && worker.alive();
  }

  /** Edits every tally that changed and has been quiet long enough; returns how many edits were queued. */
  int editDue() {
    return jdbi.inTransaction(handle -> {
      RsvpDao dao = handle.attach(RsvpDao.class);
      int edits = 0;
      for (RsvpDao.Tally tally : dao.dueForEdit(coalesce.toMillis() / 1000.0)) {
        Optional<Outbox.Sent> sent = outbox.sent(handle, tally.outboxId());
        if (sent.isEmpty()) {
          dao.postpone(tally.outboxId()); // not delivered yet: edited once it is
          continue;
        }
        var roll = Attendance.roll(handle, tally.occurrenceId(), config.get(), List.of(tally.groupId()));
        String text = RsvpTexts.tally(tally.baseHtml(), roll);
        if (!text.equals(tally.lastText())) {
          outbox.enqueue(handle, sent.get().chatId(), edit(sent.get(), tally, text), Priority.REPLY);
          edits++;
        }
        dao.edited(tally.outboxId(), text);
      }
      return edits;
    });
  }

  private EditMessageText edit(Outbox.Sent sent, RsvpDao.Tally tally, String text) {
    var edit = EditMessageText.builder().chatId(sent.chatId()).messageId((int) sent.messageId()).text(text)
        .parseMode(ParseMode.HTML).disableWebPagePreview(true);
    if (tally.replyMarkup() != null) {
      try {
        edit.replyMarkup(json.readValue(tally.replyMarkup(), InlineKeyboardMarkup.class));
      } catch (JsonProcessingException e) {
        log.warn("Buttons of outbox message {} unreadable; editing without them", tally.outboxId());
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
