package id.rakorbot.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.rakorbot.config.DatabaseSettings;
import id.rakorbot.config.DatabaseUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bot's PostgreSQL: a Hikari pool, migrated by Flyway, used through JDBI. Close it to release all. */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Optional<EmbeddedDatabase> embedded;

  private Database(HikariDataSource dataSource, Optional<EmbeddedDatabase> embedded) {
    this.dataSource = dataSource;
    this.embedded = embedded;
    this.jdbi = withPlugins(Jdbi.create(dataSource));
  }

  /**
   * A connection-per-use JDBI without pool or migrations, for a short look from outside the bot (the {@code health}
   * command): it reads what the running bot wrote, through the same DAOs.
   */
  public static Jdbi unpooled(DatabaseUrl url) {
    java.util.Properties properties = url.credentials();
    properties.setProperty("logServerErrorDetail", "false");
    return withPlugins(Jdbi.create(url.jdbcUrl(), properties));
  }

  private static Jdbi withPlugins(Jdbi jdbi) {
    jdbi.installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutArguments);
    return jdbi;
  }

  /**
   * A failed statement's message names the statement, not its bound values: those are what people wrote (a report's
   * description, a name, a phone number), and an exception's message ends up in the log.
   */
  private static String withoutArguments(StatementException e) {
    var context = e.getStatementContext();
    String sql = context == null ? null : context.getRenderedSql() != null ? context.getRenderedSql() : context.getRawSql();
    String shortSql = sql == null ? "" : sql.replaceAll("\\s+", " ").strip();
    return e.getShortMessage() + (shortSql.isEmpty() ? "" : " [statement:\"" + (shortSql.length() > 200 ? shortSql.substring(0, 200) + "…" : shortSql) + "\"]");
  }

  /** Opens the configured database (the embedded one when no URL is set) and migrates it. */
  public static Database open(DatabaseSettings settings) {
    if (settings.embedded()) {
      EmbeddedDatabase embedded = EmbeddedDatabase.start(Path.of(settings.embeddedDataDir()));
      try {
        return open(embedded.url(), settings.maxPoolSize(), Optional.of(embedded));
      } catch (RuntimeException e) {
        embedded.close();
        throw e;
      }
    }
    return connect(DatabaseUrl.parse(settings.url()), settings.maxPoolSize());
  }

  /** Connects to a PostgreSQL server and migrates it. */
  public static Database connect(DatabaseUrl url, int poolSize) {
    return open(url, poolSize, Optional.empty());
  }

  private static Database open(DatabaseUrl url, int poolSize, Optional<EmbeddedDatabase> embedded) {
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("rakorbot");
    pool.setJdbcUrl(url.jdbcUrl());
    url.user().ifPresent(pool::setUsername);
    url.password().ifPresent(pool::setPassword);
    pool.setMaximumPoolSize(poolSize);
    // PostgreSQL's error detail can quote the failing row ("Failing row contains (…)"), the reporter's words with it.
    pool.addDataSourceProperty("logServerErrorDetail", "false");
    pool.setMinimumIdle(1);
    // Fail fast when PostgreSQL is down; callers retry, so a long wait would only hide the outage.
    pool.setConnectionTimeout(5_000);
    // Start even if PostgreSQL is not up yet: migrate() below fails with a clear message instead.
    pool.setInitializationFailTimeout(-1);
    HikariDataSource dataSource = new HikariDataSource(pool);
    try {
      migrate(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    log.info("Database ready at {}", url);
    return new Database(dataSource, embedded);
  }

  /** Applies the migrations in {@code db/migration}. */
  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  /**
   * A connection of its own, outside the pool, for a session whose end must mean something (the leadership
   * lock): closing it closes the session.
   */
  public Connection dedicatedConnection() throws SQLException {
    Properties properties = new Properties();
    if (dataSource.getUsername() != null) {
      properties.setProperty("user", dataSource.getUsername());
    }
    if (dataSource.getPassword() != null) {
      properties.setProperty("password", dataSource.getPassword());
    }
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("logServerErrorDetail", "false");
    properties.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
    embedded.ifPresent(EmbeddedDatabase::close);
  }
}
