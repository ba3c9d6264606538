package id.rakorbot.storage;

import id.rakorbot.error.RakorbotException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * Plain JDBC inside a JDBI transaction, for the few statements on the intake's hot path (a report, an
 * outbox message, once per update). JDBI resolves mappers, arguments and configuration for every statement;
 * at thousands of updates a second that work cost more than the database itself (measured with JFR in the
 * intake benchmark), while a prepared statement reused from the driver's cache costs one round trip.
 */
public final class Jdbc {

  /** A statement's body: sets parameters, executes, reads the result. */
  @FunctionalInterface
  public interface Body<T> {
    T run(PreparedStatement statement) throws SQLException;
  }

  /** A database error from a plain JDBC statement; its cause is the driver's {@link SQLException}. */
  public static final class Failure extends RakorbotException {
    Failure(String sql, SQLException cause) {
      super(cause.getMessage() + " [" + sql.strip().lines().findFirst().orElse("") + "]", cause);
    }
  }

  private Jdbc() {}

  /** Runs {@code sql} on the handle's connection, in its transaction. */
  public static <T> T run(Handle handle, String sql, Body<T> body) {
    Connection connection = handle.getConnection();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      return body.run(statement);
    } catch (SQLException e) {
      throw new Failure(sql, e);
    }
  }
}
