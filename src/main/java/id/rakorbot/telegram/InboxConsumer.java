package id.rakorbot.telegram;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives batches from the poller. The poller confirms a batch to Telegram as soon as {@link #consume}
 * returns, and an exception thrown here would silently stop it; so this stores the batch durably, never
 * throws, and only then returns. {@link Inbox#store} sets aside an update that cannot be stored and throws
 * only for a database outage, which is waited out here.
 */
final class InboxConsumer implements LongPollingUpdateConsumer {

  private static final Logger log = LoggerFactory.getLogger(InboxConsumer.class);
  private static final Duration MAX_WAIT = Duration.ofSeconds(10);

  private final Inbox inbox;
  private final Runnable wakeProcessor;
  private volatile boolean closed;

  InboxConsumer(Inbox inbox, Runnable wakeProcessor) {
    this.inbox = inbox;
    this.wakeProcessor = wakeProcessor;
  }

  @Override
  public void consume(List<Update> updates) {
    Duration wait = Duration.ofMillis(200);
    while (!closed) {
      try {
        inbox.store(updates);
        wakeProcessor.run();
        return;
      } catch (RuntimeException e) {
        log.warn("Could not store {} update(s) (ids {}..{}), retrying in {} ms: {}", updates.size(),
            updates.getFirst().getUpdateId(), updates.getLast().getUpdateId(), wait.toMillis(), e.toString());
      }
      if (!sleep(wait)) {
        break;
      }
      wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
    }
    // Shutting down before the batch was stored. Returning is safe: the poller is stopped, so no further
    // getUpdates confirms these updates, and Telegram delivers them again to the next run.
    log.warn("Stopped before storing updates {}..{}; Telegram will deliver them again",
        updates.getFirst().getUpdateId(), updates.getLast().getUpdateId());
  }

  private static boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
