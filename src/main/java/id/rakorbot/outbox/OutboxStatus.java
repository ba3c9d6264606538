package id.rakorbot.outbox;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** What health and {@code /metrics} report about the outbox, asked of its own table. */
public final class OutboxStatus {

  private OutboxStatus() {}

  /** When the oldest message still waiting to be sent was queued. */
  public static Optional<Instant> oldestPending(Handle handle) {
    return handle.attach(OutboxDao.class).oldestPending();
  }

  /** Waiting messages per class. */
  public static Map<Priority, Long> pendingByClass(Handle handle) {
    Map<Priority, Long> pending = new EnumMap<>(Priority.class);
    handle.attach(OutboxDao.class).pendingByPriority().forEach(w -> pending.put(Priority.values()[w.priority()], w.n()));
    return pending;
  }
}
