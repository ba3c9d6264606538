package id.rakorbot.storage;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Tells a database outage (worth waiting out) from an error in what was asked of the database. */
public final class DatabaseErrors {

  private DatabaseErrors() {}

  /**
   * True when the cause is a lost or refused connection, a server shutting down, or the pool timing out:
   * SQLState class 08 (connection), 57P (operator intervention: shutdown, crash) or 53 (resources).
   */
  public static boolean isOutage(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
          return true;
        }
      }
    }
    return false;
  }
}
