package id.rakorbot.telegram;

import java.util.List;

/** What the features add to the Telegram side: commands, button handlers and reply handlers. */
public record Features(List<Command> commands, List<CallbackHandler> callbacks, List<ReplyHandler> replies) {

  public Features {
    commands = List.copyOf(commands);
    callbacks = List.copyOf(callbacks);
    replies = List.copyOf(replies);
  }
}
