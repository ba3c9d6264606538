package id.rakorbot.outbox;

import java.util.List;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/** Builds the one message that replaces many waiting messages of one merge key in a chat. */
@FunctionalInterface
public interface Merger {

  /**
   * @param first the first of the waiting messages (its chat, topic and format are the merged one's)
   * @param lines the summary lines of every waiting message, oldest first
   */
  SendMessage merge(SendMessage first, List<String> lines);
}
