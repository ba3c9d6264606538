package id.rakorbot.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;

/**
 * When this instance last asked Telegram for updates, written to {@code bot_heartbeat} so that the
 * health check (a separate process) can tell a live bot from a hung one.
 */
public final class Heartbeat {

  /** A poll waits at most 50 s; two missed polls and a margin mean the poller is stuck. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(2);

  private final Jdbi jdbi;
  private final Clock clock;
  private final String instanceId;
  private final AtomicReference<Instant> lastPoll = new AtomicReference<>();

  public Heartbeat(Jdbi jdbi, Clock clock, String instanceId) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.instanceId = instanceId;
  }

  public void polled() {
    lastPoll.set(clock.instant());
  }

  /** Writes the last poll time; called every few seconds. A database outage is left for the next beat. */
  public void beat() {
    Instant at = lastPoll.get();
    if (at == null) {
      return;
    }
    try {
      jdbi.useHandle(h -> h.createUpdate("""
              INSERT INTO bot_heartbeat (instance_id, last_poll_at) VALUES (:id, :at)
              ON CONFLICT (instance_id) DO UPDATE SET last_poll_at = :at""")
          .bind("id", instanceId).bind("at", at).execute());
    } catch (RuntimeException e) {
      // the health check reports the stale heartbeat; nothing else to do here
    }
  }

  public static Optional<Instant> latest(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("SELECT max(last_poll_at) FROM bot_heartbeat").mapTo(Instant.class).findOne());
  }
}
