package id.rakorbot.config;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The configuration in force: the file as last loaded, with the Telegram accounts bound in the database
 * filled into its roster. A valid edit of the file replaces it while the bot runs, and a new binding shows at
 * once; every feature reads it at the moment it acts, so neither needs a restart.
 */
public final class CurrentConfig {

  private record State(RakorbotConfig file, Map<String, Long> bindings, RakorbotConfig effective) {
    State(RakorbotConfig file, Map<String, Long> bindings) {
      this(file, bindings, file.withBindings(bindings));
    }
  }

  private final AtomicReference<State> current;

  public CurrentConfig(RakorbotConfig initial) {
    this.current = new AtomicReference<>(new State(initial, Map.of()));
  }

  public RakorbotConfig get() {
    return current.get().effective();
  }

  /** The config as the file says, without the bindings: who has a user_id written by the admin. */
  public RakorbotConfig file() {
    return current.get().file();
  }

  /** A newly loaded file; the bindings stay. */
  public void replace(RakorbotConfig config) {
    current.updateAndGet(state -> new State(config, state.bindings()));
  }

  /** The accounts bound in the database, by {@link Official#key()}; the file stays. */
  public void bind(Map<String, Long> bindings) {
    Map<String, Long> copy = Map.copyOf(bindings);
    current.updateAndGet(state -> state.bindings().equals(copy) ? state : new State(state.file(), copy));
  }
}
