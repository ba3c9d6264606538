package id.rakorbot.telegram;

import id.rakorbot.config.RakorbotConfig;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Handles a user's reply to one of the bot's messages (an answer to a question the bot asked). */
public interface ReplyHandler {

  /** True when the reply was meant for this handler and is handled. */
  boolean handle(Handle handle, Message reply, RakorbotConfig config);
}
