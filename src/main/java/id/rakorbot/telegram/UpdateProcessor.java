package id.rakorbot.telegram;

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

  private final Jdbi jdbi;
  private final Inbox inbox;
  private final UpdateRouter router;
  private final Object signal = new Object();
  private volatile boolean running;
  private Thread worker;

  UpdateProcessor(Jdbi jdbi, Inbox inbox, UpdateRouter router) {
    this.jdbi = jdbi;
    this.inbox = inbox;
    this.router = router;
  }

  void start() {
    running = true;
    worker = Thread.ofPlatform().name("update-processor").daemon().start(this::loop);
  }

  void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  private void loop() {
    while (running) {
      if (!processNext()) {
        synchronized (signal) {
          try {
            signal.wait(1_000);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }
  }

  /** Processes the oldest waiting update; true when one was processed (or set aside). */
  boolean processNext() {
    AtomicReference<Inbox.Stored> current = new AtomicReference<>();
    try {
      return jdbi.inTransaction(handle -> {
        var next = inbox.claimNext(handle);
        if (next.isEmpty()) {
          return false;
        }
        current.set(next.get());
        router.route(handle, next.get().update());
        inbox.markProcessed(handle, next.get().updateId());
        return true;
      });
    } catch (RuntimeException e) {
      if (current.get() == null || DatabaseErrors.isOutage(e)) {
        log.warn("Database unavailable, will retry the inbox: {}", e.toString());
        pause();
        return false;
      }
      failed(current.get(), e);
      return true;
    }
  }

  private void failed(Inbox.Stored stored, RuntimeException error) {
    log.error("Update {} failed (attempt {})", stored.updateId(), stored.attempts() + 1, error);
    try {
      int attempts = inbox.recordFailure(stored.updateId(), error.toString());
      if (attempts >= Inbox.MAX_ATTEMPTS) {
        log.error("Update {} set aside after {} attempts", stored.updateId(), attempts);
        jdbi.useTransaction(handle -> router.apologize(handle, stored.update()));
      }
    } catch (RuntimeException e) {
      log.warn("Could not record the failure of update {}: {}", stored.updateId(), e.toString());
      pause();
    }
  }

  private void pause() {
    try {
      Thread.sleep(Duration.ofMillis(500));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    wake();
    if (worker != null) {
      worker.interrupt();
      try {
        worker.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
