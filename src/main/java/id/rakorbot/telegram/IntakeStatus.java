package id.rakorbot.telegram;

import java.time.Duration;
import org.jdbi.v3.core.Handle;

/** What health reports about the inbox, asked of the inbox's own table. */
public final class IntakeStatus {

  private IntakeStatus() {}

  /** How long the oldest received, unprocessed update has waited. */
  public static Duration lag(Handle handle) {
    return Duration.ofMillis((long) (1000 * handle.attach(InboxDao.class).oldestWaitingSeconds()));
  }

  /** Updates that could not be stored or always failed, kept in {@code inbox_set_aside} for an operator. */
  public static long setAside(Handle handle) {
    return handle.attach(InboxDao.class).setAsideCount();
  }
}
