package id.rakorbot.telegram;

import id.rakorbot.background.Worker;
import id.rakorbot.error.RakorbotException;
import id.rakorbot.storage.DatabaseErrors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Works through the inbox in batches, one worker per lane ({@link Inbox#LANES}; a chat always falls in the
 * same lane, so its updates keep their order). A batch is one transaction: every update's effects, its
 * outbox messages and the "processed" marks commit together, so each update is applied exactly once.
 *
 * <p>A batch first runs without savepoints (the common case costs nothing extra). If an update fails, the
 * batch is rolled back and run again with a savepoint per update: the failing update is undone alone, its
 * attempt counted, and the others commit. After {@link #MAX_ATTEMPTS} an update is set aside with its stack
 * trace and its sender gets an apology; nothing behind it waits. A database outage only delays processing.
 */
final class UpdateProcessor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);
  static final int MAX_ATTEMPTS = 3;
  private static final int BATCH = 100;
  /** No update waiting: look again after this (a new batch wakes the workers sooner). */
  private static final Duration IDLE = Duration.ofSeconds(1);
  private static final Duration RETRY = Duration.ofMillis(500);

  private final Jdbi jdbi;
  private final Inbox inbox;
  private final UpdateRouter router;
  private final List<Worker> workers = new ArrayList<>();

  /** An update whose processing threw. */
  private static final class UpdateFailed extends RakorbotException {
    UpdateFailed(RuntimeException cause) {
      super(cause.toString(), cause);
    }
  }

  UpdateProcessor(Jdbi jdbi, Inbox inbox, UpdateRouter router) {
    this.jdbi = jdbi;
    this.inbox = inbox;
    this.router = router;
  }

  void start() {
    for (int lane = 0; lane < Inbox.LANES; lane++) {
      int mine = lane;
      workers.add(Worker.start("update-processor-" + lane, 1, () -> processLane(mine)));
    }
  }

  void wake() {
    workers.forEach(Worker::wake);
  }

  boolean alive() {
    return !workers.isEmpty() && workers.stream().allMatch(Worker::alive);
  }

  /** Processes the next batch of one lane; returns how long to wait before the next. */
  Duration processLane(int lane) {
    try {
      return jdbi.inTransaction(handle -> batch(handle, lane, false));
    } catch (UpdateFailed e) {
      if (DatabaseErrors.isOutage(e)) {
        return outage(e);
      }
      return jdbi.inTransaction(handle -> batch(handle, lane, true));
    } catch (RuntimeException e) {
      if (DatabaseErrors.isOutage(e)) {
        return outage(e);
      }
      throw e;
    }
  }

  private static Duration outage(RuntimeException e) {
    log.warn("Database unavailable, will retry the inbox: {}", e.toString());
    return RETRY;
  }

  private Duration batch(Handle handle, int lane, boolean careful) {
    InboxDao dao = handle.attach(InboxDao.class);
    if (!dao.lockLane(lane)) {
      return IDLE; // another instance works this lane now
    }
    List<InboxDao.Row> rows = dao.pending(lane, BATCH);
    if (rows.isEmpty()) {
      return IDLE;
    }
    long started = System.nanoTime();
    List<Long> processed = new ArrayList<>(rows.size());
    Map<InboxDao.Row, RuntimeException> failures = new LinkedHashMap<>();
    for (InboxDao.Row row : rows) {
      if (!careful) {
        try {
          router.route(handle, inbox.read(row.payload()));
        } catch (RuntimeException e) {
          throw new UpdateFailed(e);
        }
        processed.add(row.updateId());
        continue;
      }
      handle.savepoint("update");
      try {
        router.route(handle, inbox.read(row.payload()));
        handle.releaseSavepoint("update");
        processed.add(row.updateId());
      } catch (RuntimeException e) {
        if (DatabaseErrors.isOutage(e)) {
          throw e;
        }
        handle.rollbackToSavepoint("update");
        failures.put(row, e);
      }
    }
    dao.markProcessed(processed.stream().mapToLong(Long::longValue).toArray());
    failures.forEach((row, error) -> failed(handle, dao, row, error));
    handle.afterCommit(() -> inbox.metrics().updatesProcessed(processed.size(), Duration.ofNanos(System.nanoTime() - started)));
    return Duration.ZERO;
  }

  private void failed(Handle handle, InboxDao dao, InboxDao.Row row, RuntimeException error) {
    int attempts = dao.recordFailure(row.updateId(), error.toString());
    log.warn("Update {} failed (attempt {} of {}): {}", row.updateId(), attempts, MAX_ATTEMPTS, error.toString());
    if (attempts < MAX_ATTEMPTS) {
      return;
    }
    log.error("Update {} set aside after {} attempts", row.updateId(), attempts, error);
    dao.setAside(row.updateId(), "process", row.payload(), stackTrace(error));
    handle.afterCommit(() -> inbox.metrics().updateSetAside("process"));
    dao.markSetAside(row.updateId());
    handle.savepoint("apology");
    try {
      Update update = inbox.read(row.payload());
      router.apologize(handle, update);
      handle.releaseSavepoint("apology");
    } catch (RuntimeException e) {
      handle.rollbackToSavepoint("apology");
      log.warn("Could not apologise for update {}: {}", row.updateId(), e.toString());
    }
  }

  private static String stackTrace(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  @Override
  public void close() {
    workers.forEach(Worker::close);
  }
}
