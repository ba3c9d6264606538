package id.rakorbot.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import id.rakorbot.background.ThrottledWarning;
import id.rakorbot.cluster.Leadership;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;

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
  private final Supplier<OptionalInt> leaderPid;
  private final ThrottledWarning notWritten = new ThrottledWarning(LoggerFactory.getLogger(Heartbeat.class), "Could not write the heartbeat");

  /**
   * @param loops every background loop of this instance by name, each saying whether it still runs
   * @param leaderPid while this instance leads, the server pid of the session that holds the leadership lock
   */
  public Heartbeat(Jdbi jdbi, Clock clock, String instanceId, Map<String, BooleanSupplier> loops, Supplier<OptionalInt> leaderPid) {
    this.leaderPid = leaderPid;
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
    OptionalInt pid = leaderPid.get();
    try {
      jdbi.useExtension(HeartbeatDao.class, dao -> dao.beat(instanceId, at, String.join(", ", stoppedLoops()), pid.isPresent(),
          pid.isPresent() ? pid.getAsInt() : null));
    } catch (RuntimeException e) {
      notWritten.warn(e.toString()); // the health check reports the stale heartbeat
    }
  }

  /** Loops reported stopped by instances that beat in the last minute. */
  public static List<String> stoppedLoops(Jdbi jdbi) {
    return jdbi.withExtension(HeartbeatDao.class, HeartbeatDao::stoppedLoops);
  }

  /** Instances that beat in the last minute, the one holding the leadership lock marked as leader. */
  public static List<String> instances(Jdbi jdbi) {
    return jdbi.withExtension(HeartbeatDao.class, dao -> dao.instances(Leadership.LOCK_CLASS));
  }

  public static Optional<Instant> latest(Jdbi jdbi) {
    return jdbi.withExtension(HeartbeatDao.class, HeartbeatDao::lastPoll);
  }
}
