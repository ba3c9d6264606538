package id.rakorbot.background;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a step over and over on daemon threads: each step says how long to wait before the next (zero:
 * at once), {@link #wake} ends a wait early when new work arrives, and a failing step is logged and
 * retried after a second, so a database outage only delays the work.
 */
public final class Worker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Worker.class);
  private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

  /** One unit of work; returns how long to wait before the next. */
  @FunctionalInterface
  public interface Step {
    Duration run();
  }

  private final String name;
  private final Step step;
  private final Object signal = new Object();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;
  private boolean woken; // guarded by signal

  private Worker(String name, Step step) {
    this.name = name;
    this.step = step;
  }

  public static Worker start(String name, int threadCount, Step step) {
    Worker worker = new Worker(name, step);
    for (int i = 0; i < threadCount; i++) {
      worker.threads.add(Thread.ofPlatform().name(threadCount == 1 ? name : name + "-" + i).daemon().start(worker::loop));
    }
    return worker;
  }

  /** Whether every thread of this worker still runs (false once one has died or the worker was closed). */
  public boolean alive() {
    return running && threads.stream().allMatch(Thread::isAlive);
  }

  /** Runs the step again now, or right after the one in hand (a wake-up during a step is not lost). */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void loop() {
    int failuresInARow = 0;
    while (running) {
      Duration wait;
      try {
        wait = step.run();
        if (failuresInARow > 0) {
          log.info("{} works again after {} failed attempts", name, failuresInARow);
          failuresInARow = 0;
        }
      } catch (RuntimeException e) {
        // The first failure of a streak with its stack trace (a bug shows where), then one line a minute.
        if (failuresInARow == 0) {
          log.warn("{} failed, retrying every {} s", name, AFTER_FAILURE.toSeconds(), e);
        } else if (failuresInARow % 60 == 0) {
          log.warn("{} still failing ({} attempts): {}", name, failuresInARow + 1, e.toString());
        }
        failuresInARow++;
        wait = AFTER_FAILURE;
      } catch (Error e) {
        log.error("{} stopped", name, e); // visible in health: alive() turns false
        throw e;
      }
      if (running && !wait.isZero()) {
        synchronized (signal) {
          try {
            if (!woken) {
              signal.wait(Math.max(1, wait.toMillis())); // wait(0) would mean forever
            }
            woken = false;
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }
  }

  /** Stops after the step in hand (waiting up to 5 seconds for each thread). */
  @Override
  public void close() {
    running = false;
    wake();
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
