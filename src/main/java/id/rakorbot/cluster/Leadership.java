package id.rakorbot.cluster;

import id.rakorbot.background.Worker;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which instance talks to Telegram: the one holding a PostgreSQL advisory lock on a connection of its own.
 * The leader polls and sends (so Telegram sees one poller and the rate limits hold for the bot as a whole);
 * the others process updates, fire reminders into the outbox and stand by. A leader killed outright loses
 * the lock with its connection at once; a leader cut off from the database sees its check fail within
 * {@link #CHECK_TIMEOUT} and steps down, while the server drops its session after the TCP keepalives set
 * here (about {@link #SERVER_NOTICES} later). A standby tries every {@link #EVERY}, so a new leader polls
 * within seconds.
 */
public final class Leadership implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Leadership.class);
  /**
   * Class 1918 of advisory locks (1917 holds the update lanes); the id is a hash of the schema the bot's
   * tables live in, so that separate deployments sharing one database (a staging schema, the tests'
   * schemas) elect their leaders separately. Advisory locks are per database, not per schema.
   */
  public static final int LOCK_CLASS = 1918;
  static final Duration EVERY = Duration.ofSeconds(2);
  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
  static final Duration SERVER_NOTICES = Duration.ofSeconds(7);

  /** Told when this instance becomes leader ({@code true}) or steps down ({@code false}). */
  public interface Listener {
    void leading(boolean leading);
  }

  /** A connection outside any pool: closing it must end the session, and with it the lock. */
  public interface Connections {
    Connection open() throws SQLException;
  }

  private final Connections connections;
  private final String duties;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService timeouts = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory());
  private volatile Connection held;
  /** The server process of {@link #held}: the one that holds the lock while this instance leads. */
  private volatile int sessionPid;
  private volatile boolean leading;
  private boolean failing;
  private volatile long lastAskedNanos;
  private Worker worker;

  /** @param duties what the leader does, for the log: "polls Telegram and sends the outbox" */
  public Leadership(Connections connections, String duties) {
    this.connections = connections;
    this.duties = duties;
  }

  public void onChange(Listener listener) {
    listeners.add(listener);
  }

  /** Tries at once (so a single instance leads from its first second), then keeps checking in the background. */
  public void start() {
    step();
    worker = Worker.start("leadership", 1, () -> {
      step();
      return EVERY;
    });
  }

  public boolean leading() {
    return leading;
  }

  /**
   * While this instance leads, the server process that holds the lock: health asks PostgreSQL whether that
   * session still holds it, so a killed leader is not shown as one after its lock is gone.
   */
  public java.util.OptionalInt lockHolderPid() {
    int pid = sessionPid;
    return leading && pid != 0 ? java.util.OptionalInt.of(pid) : java.util.OptionalInt.empty();
  }

  /** When the database last answered this instance's check or request for the lock ({@link System#nanoTime}). */
  long lastAskedNanos() {
    return lastAskedNanos;
  }

  public boolean alive() {
    return worker != null && worker.alive();
  }

  private void step() {
    try {
      if (held == null) {
        held = connect();
      }
      if (leading) {
        check(held);
      } else if (tryLock(held)) {
        change(true);
      }
      lastAskedNanos = System.nanoTime();
    } catch (SQLException | RuntimeException e) {
      if (leading) {
        log.warn("Lost the database connection that holds leadership ({}); stepping down", e.toString());
        change(false);
      } else if (!failing) {
        log.warn("Cannot ask for leadership ({}); trying again every {} s", e.toString(), EVERY.toSeconds());
      }
      failing = true;
      drop();
      return;
    }
    failing = false;
  }

  private Connection connect() throws SQLException {
    Connection connection = connections.open();
    try (Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      connection.setNetworkTimeout(timeouts, (int) CHECK_TIMEOUT.toMillis());
      // The server ends a session whose client vanished (network cut) after these, releasing the lock.
      statement.execute("SET tcp_keepalives_idle = 3; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 2");
      try (ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
        pid.next();
        sessionPid = pid.getInt(1);
      }
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  /** Class {@link #LOCK_CLASS}, keyed by the schema. */
  private static boolean tryLock(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT pg_try_advisory_lock(1918, hashtext(current_schema()))")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /** Still holding it: the session answers (a session-level advisory lock lives exactly as long). */
  private static void check(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT 1")) {
      rs.next();
    }
  }

  private void change(boolean now) {
    leading = now;
    log.info(now ? "This instance now leads: it " + duties : "This instance stands by: another one leads");
    for (Listener listener : listeners) {
      try {
        listener.leading(now);
      } catch (RuntimeException e) {
        log.warn("A leadership listener failed", e);
      }
    }
  }

  private void drop() {
    Connection connection = held;
    held = null;
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // gone already
      }
    }
  }

  /** Steps down (closing the connection releases the lock at once, so a standby takes over quickly). */
  @Override
  public void close() {
    if (worker != null) {
      worker.close();
    }
    if (leading) {
      leading = false;
    }
    drop();
    timeouts.shutdownNow();
  }
}
