package id.rakorbot.telegram;

import id.rakorbot.config.RakorbotConfig;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the features add to the Telegram side: commands, button handlers, handlers of other messages, and a
 * notice under /start (a running masa siaga).
 */
public record Handlers(List<Command> commands, List<CallbackHandler> callbacks, List<MessageHandler> messages,
    Function<RakorbotConfig, Optional<String>> startNotice, StartFlow startFlow) {

  public Handlers {
    commands = List.copyOf(commands);
    callbacks = List.copyOf(callbacks);
    messages = List.copyOf(messages);
  }
}
