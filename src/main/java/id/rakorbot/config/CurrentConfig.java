package id.rakorbot.config;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The configuration in force. A valid edit of the file replaces it while the bot runs; every feature
 * reads it at the moment it acts, so an edit takes effect without a restart.
 */
public final class CurrentConfig {

  private final AtomicReference<RakorbotConfig> current;

  public CurrentConfig(RakorbotConfig initial) {
    this.current = new AtomicReference<>(initial);
  }

  public RakorbotConfig get() {
    return current.get();
  }

  public void replace(RakorbotConfig config) {
    current.set(config);
  }
}
