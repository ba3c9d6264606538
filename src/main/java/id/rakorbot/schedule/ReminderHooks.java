package id.rakorbot.schedule;

import id.rakorbot.config.GroupConfig;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Where another feature joins in when a meeting is announced or reminded (the RSVP feature puts its
 * answer buttons under the message and chases those who have not answered).
 */
public interface ReminderHooks {

  ReminderHooks NONE = new ReminderHooks() {};

  /** Buttons under an announcement or reminder of the meeting with this id. */
  default Optional<InlineKeyboardMarkup> buttons(long occurrenceId, Schedule schedule) {
    return Optional.empty();
  }

  /** Called in the transaction that queued an announcement or reminder to {@code group}, as outbox message {@code outboxId}. */
  default void posted(Handle handle, long occurrenceId, GroupConfig group, long outboxId, SendMessage message) {}

  /** Called in the transaction that queued a reminder (not an announcement) to {@code group}. */
  default void reminded(Handle handle, long occurrenceId, Occurrence occurrence, Reminder reminder, GroupConfig group, long chatId) {}
}
