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
    return withPlugins(Jdbi.create(url.jdbcUrl(), url.credentials()));
  }

  private static Jdbi withPlugins(Jdbi jdbi) {
    return jdbi.installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
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
