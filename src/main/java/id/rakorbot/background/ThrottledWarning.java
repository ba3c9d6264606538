package id.rakorbot.background;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A warning that may come in floods (800 button answers Telegram refused in one burst): the first of a streak is
 * logged with its detail, then at most one line per {@link #EVERY} says how many more there were.
 */
public final class ThrottledWarning {

  static final Duration EVERY = Duration.ofMinutes(1);

  private final Logger log;
  private final String what;
  private final LongSupplier nanoTime;
  private final AtomicLong suppressed = new AtomicLong();
  private volatile long lastLogged = Long.MIN_VALUE;

  /** @param what the event in a few words, as the log line starts: "Could not answer a button press" */
  public ThrottledWarning(Logger log, String what) {
    this(log, what, System::nanoTime);
  }

  ThrottledWarning(Logger log, String what, LongSupplier nanoTime) {
    this.log = log;
    this.what = what;
    this.nanoTime = nanoTime;
  }

  public void warn(String detail) {
    long now = nanoTime.getAsLong();
    boolean due;
    synchronized (this) {
      due = lastLogged == Long.MIN_VALUE || now - lastLogged >= EVERY.toNanos();
      if (due) {
        lastLogged = now;
      }
    }
    if (!due) {
      suppressed.incrementAndGet();
      return;
    }
    long more = suppressed.getAndSet(0);
    if (more == 0) {
      log.warn("{}: {}", what, detail);
    } else {
      log.warn("{}: {} ({} more like it in the last minute, not logged one by one)", what, detail, more);
    }
  }
}
