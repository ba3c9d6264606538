package id.rakorbot.telegram;

import id.rakorbot.background.Worker;
import id.rakorbot.storage.DatabaseErrors;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the inbox, oldest update first. Each update's effects (state, outbox messages) and its
 * "processed" mark are committed in one transaction, so an update is applied exactly once. A database
 * outage only delays processing; an update that fails for another reason is retried, then set aside
 * after {@link Inbox#MAX_ATTEMPTS} with an apology to its sender.
 */
final class UpdateProcessor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);
  /** No update waiting: look again after this (a new batch wakes the worker sooner). */
  private static final Duration IDLE = Duration.ofSeconds(1);
  private static final Duration RETRY = Duration.ofMillis(500);

  private final Jdbi jdbi;
  private final Inbox inbox;
  private final UpdateRouter router;
  private volatile Worker worker;

  UpdateProcessor(Jdbi jdbi, Inbox inbox, UpdateRouter router) {
    this.jdbi = jdbi;
    this.inbox = inbox;
    this.router = router;
  }

  void start() {
    worker = Worker.start("update-processor", 1, this::processNext);
  }

  void wake() {
    if (worker != null) {
      worker.wake();
    }
  }

  /** Processes the oldest waiting update; returns how long to wait before the next try. */
  Duration processNext() {
    AtomicReference<Inbox.Stored> current = new AtomicReference<>();
    try {
      return jdbi.inTransaction(handle -> {
        var next = inbox.claimNext(handle);
        if (next.isEmpty()) {
          return IDLE;
        }
        current.set(next.get());
        router.route(handle, next.get().update());
        inbox.markProcessed(handle, next.get().updateId());
        return Duration.ZERO;
      });
    } catch (RuntimeException e) {
      if (current.get() == null || DatabaseErrors.isOutage(e)) {
        log.warn("Database unavailable, will retry the inbox: {}", e.toString());
        return RETRY;
      }
      return failed(current.get(), e);
    }
  }

  private Duration failed(Inbox.Stored stored, RuntimeException error) {
    log.error("Update {} failed (attempt {})", stored.updateId(), stored.attempts() + 1, error);
    try {
      int attempts = inbox.recordFailure(stored.updateId(), error.toString());
      if (attempts >= Inbox.MAX_ATTEMPTS) {
        log.error("Update {} set aside after {} attempts", stored.updateId(), attempts);
        jdbi.useTransaction(handle -> router.apologize(handle, stored.update()));
      }
      return Duration.ZERO;
    } catch (RuntimeException e) {
      log.warn("Could not record the failure of update {}: {}", stored.updateId(), e.toString());
      return RETRY;
    }
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.close();
    }
  }
}
