package id.rakorbot.telegram;

import id.rakorbot.config.RakorbotConfig;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Handles a message that is not a command: a reply to a question the bot asked, the next step of a
 * dialogue, a photo or a location. Handlers are asked in order; the first that takes it wins.
 */
public interface MessageHandler {

  /** True when the message was meant for this handler and is handled. */
  boolean handle(Handle handle, Message message, RakorbotConfig config);
}
