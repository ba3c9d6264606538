package id.rakorbot.telegram;

import java.util.List;

/**
 * What the features add to the Telegram side: commands, button handlers, handlers of other messages, and a
 * notice under /start (a running masa siaga).
 */
public record Features(List<Command> commands, List<CallbackHandler> callbacks, List<MessageHandler> messages,
    java.util.function.Function<id.rakorbot.config.RakorbotConfig, java.util.Optional<String>> startNotice) {

  /** Without a notice under /start. */
  public Features(List<Command> commands, List<CallbackHandler> callbacks, List<MessageHandler> messages) {
    this(commands, callbacks, messages, config -> java.util.Optional.empty());
  }

  public Features {
    commands = List.copyOf(commands);
    callbacks = List.copyOf(callbacks);
    messages = List.copyOf(messages);
  }
}
