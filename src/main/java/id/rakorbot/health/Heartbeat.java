package id.rakorbot.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
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
  private final Map<String, BooleanSupplier> loops;
  private final BooleanSupplier leading;

  /** @param loops every background loop of this instance by name, each saying whether it still runs */
  public Heartbeat(Jdbi jdbi, Clock clock, String instanceId, Map<String, BooleanSupplier> loops) {
    this(jdbi, clock, instanceId, loops, () -> true);
  }

  /** @param leading whether this instance leads (polls and sends) */
  public Heartbeat(Jdbi jdbi, Clock clock, String instanceId, Map<String, BooleanSupplier> loops, BooleanSupplier leading) {
    this.leading = leading;
    this.jdbi = jdbi;
    this.clock = clock;
    this.instanceId = instanceId;
    this.loops = loops;
  }

  /** The loops that have stopped, by name (empty while all run). */
  public List<String> stoppedLoops() {
    return loops.entrySet().stream().filter(e -> !e.getValue().getAsBoolean()).map(Map.Entry::getKey).sorted().toList();
  }

  public void polled() {
    lastPoll.set(clock.instant());
  }

  /**
   * Writes the last poll time (none on a standby), whether this instance leads, and the stopped loops;
   * called every few seconds. A database outage is left for the next beat.
   */
  public void beat() {
    Instant at = lastPoll.get();
    try {
      jdbi.useHandle(h -> h.createUpdate("""
              INSERT INTO bot_heartbeat (instance_id, last_poll_at, stopped_loops, leader, beat_at)
              VALUES (:id, :at, :stopped, :leader, now())
              ON CONFLICT (instance_id) DO UPDATE SET last_poll_at = coalesce(:at, bot_heartbeat.last_poll_at),
                  stopped_loops = :stopped, leader = :leader, beat_at = now()""")
          .bind("id", instanceId).bind("at", at).bind("stopped", String.join(", ", stoppedLoops()))
          .bind("leader", leading.getAsBoolean()).execute());
    } catch (RuntimeException e) {
      // the health check reports the stale heartbeat; nothing else to do here
    }
  }

  /** Loops reported stopped by instances that beat in the last minute. */
  public static List<String> stoppedLoops(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("""
            SELECT instance_id || ': ' || stopped_loops FROM bot_heartbeat
            WHERE stopped_loops <> '' AND beat_at > now() - interval '1 minute'""").mapTo(String.class).list());
  }

  /** Instances that beat in the last minute, the leader marked. */
  public static List<String> instances(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("""
            SELECT instance_id || CASE WHEN leader THEN ' (pemimpin)' ELSE ' (siaga)' END FROM bot_heartbeat
            WHERE beat_at > now() - interval '1 minute' ORDER BY leader DESC, instance_id""").mapTo(String.class).list());
  }

  public static Optional<Instant> latest(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("SELECT max(last_poll_at) FROM bot_heartbeat").mapTo(Instant.class).findOne());
  }
}
