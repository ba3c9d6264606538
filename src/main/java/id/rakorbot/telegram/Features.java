package id.rakorbot.telegram;

import java.util.List;

/** What the features add to the Telegram side: commands, button handlers and handlers of other messages. */
public record Features(List<Command> commands, List<CallbackHandler> callbacks, List<MessageHandler> messages) {

  public Features {
    commands = List.copyOf(commands);
    callbacks = List.copyOf(callbacks);
    messages = List.copyOf(messages);
  }
}
