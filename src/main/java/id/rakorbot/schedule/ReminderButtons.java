package id.rakorbot.schedule;

import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** The seam where the RSVP feature puts its answer buttons under reminders and announcements. */
@FunctionalInterface
public interface ReminderButtons {

  ReminderButtons NONE = (occurrenceId, schedule) -> Optional.empty();

  Optional<InlineKeyboardMarkup> forOccurrence(long occurrenceId, Schedule schedule);
}
