package id.rakorbot.feature;

import id.rakorbot.config.ConfigCheck;
import id.rakorbot.telegram.CallbackHandler;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.MessageHandler;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What one feature brings to the running bot: its commands, button handlers and handlers of other messages,
 * its background loops (named, so that health says which one stopped), its config checks, and what it starts
 * and stops. {@code Rakorbot.start} wires a list of these; adding a feature is one class and one line there.
 */
public interface Feature extends AutoCloseable {

  default List<Command> commands() {
    return List.of();
  }

  default List<CallbackHandler> callbacks() {
    return List.of();
  }

  default List<MessageHandler> messageHandlers() {
    return List.of();
  }

  /** Each background loop by name, saying whether it still runs. */
  default Map<String, BooleanSupplier> loops() {
    return Map.of();
  }

  /**
   * The feature's checks of the config file. They are also listed in {@code Rakorbot.CHECKS}, because
   * {@code check-config} runs them with no bot and no database; the bot refuses to start if one is missing there.
   */
  default List<ConfigCheck> checks() {
    return List.of();
  }

  /** Starts the loops, once everything is wired and the bot is about to take updates. */
  default void start() {}

  /** Stops the loops; called in reverse order of the list. */
  @Override
  default void close() {}
}
