package id.rakorbot.telegram;

import id.rakorbot.background.Loop;
import id.rakorbot.config.CurrentConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets processed updates once {@code data_protection.retention.updates} has passed (default 7 days). The
 * inbox recognises a repeated update id only within that window: Telegram re-delivers an unconfirmed update
 * for at most 24 hours, and after a week without updates it may start numbering anew, so an old id that comes
 * back is a new update. Hourly, in batches, one instance at a time.
 */
final class InboxPruning implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InboxPruning.class);
  private static final int BATCH = 10_000;
  private static final Duration EVERY = Duration.ofHours(1);

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final Clock clock;
  private final Loop loop = new Loop("inbox-pruning");

  InboxPruning(Jdbi jdbi, CurrentConfig config, Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.clock = clock;
  }

  void start() {
    loop.start(() -> {
      pruneAll();
      return EVERY;
    });
  }

  boolean alive() {
    return loop.alive();
  }

  /** Runs now rather than within the hour (tests, after moving the clock). */
  void pruneNow() {
    loop.wake();
  }

  /** Deletes every processed update older than the retention, a batch per transaction; returns how many. */
  int pruneAll() {
    Instant cutoff = clock.instant().minus(config.get().dataProtection().retention().updates().length());
    int total = 0;
    for (int deleted = BATCH; deleted == BATCH; total += deleted) {
      deleted = jdbi.inTransaction(handle -> {
        InboxDao dao = handle.attach(InboxDao.class);
        return dao.lockPruning() ? dao.prune(cutoff, BATCH) : 0;
      });
    }
    if (total > 0) {
      log.info("Forgot {} processed update(s) received before {}", total, cutoff);
    }
    return total;
  }

  @Override
  public void close() {
    loop.close();
  }
}
