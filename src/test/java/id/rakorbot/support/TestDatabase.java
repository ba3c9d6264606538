package id.rakorbot.support;

import id.rakorbot.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A clean PostgreSQL schema for one test class, on the server named by {@code DATABASE_URL} (CI) or else
 * on an embedded PostgreSQL started once per JVM. The schema is dropped on {@link #close}.
 */
public final class TestDatabase implements AutoCloseable {

  private static DatabaseUrl server;

  private final DatabaseUrl base;
  private final String schema;

  private TestDatabase(DatabaseUrl base, String schema) {
    this.base = base;
    this.schema = schema;
  }

  public static TestDatabase create() {
    DatabaseUrl base = server();
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    execute(base, "CREATE SCHEMA " + schema);
    return new TestDatabase(base, schema);
  }

  /** A whole database of its own on the same server (a restore needs one that is empty), dropped on close. */
  public record Whole(String name, DatabaseUrl url) implements AutoCloseable {
    /** As DATABASE_URL takes it, credentials included. */
    public String jdbcUrlWithCredentials() {
      StringBuilder jdbc = new StringBuilder(url.jdbcUrl());
      url.user().ifPresent(user -> jdbc.append(jdbc.indexOf("?") < 0 ? "?" : "&").append("user=").append(user));
      url.password().ifPresent(password -> jdbc.append(jdbc.indexOf("?") < 0 ? "?" : "&").append("password=").append(password));
      return jdbc.toString();
    }

    @Override
    public void close() {
      execute(server(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  public static Whole createDatabase() {
    DatabaseUrl base = server();
    String name = "d_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    execute(base, "CREATE DATABASE " + name);
    String jdbc = base.jdbcUrl();
    int slash = jdbc.indexOf('/', "jdbc:postgresql://".length());
    int query = jdbc.indexOf('?');
    String url = jdbc.substring(0, slash + 1) + name + (query < 0 ? "" : jdbc.substring(query));
    return new Whole(name, new DatabaseUrl(url, base.user(), base.password()));
  }

  private static synchronized DatabaseUrl server() {
    if (server == null) {
      String url = System.getenv("DATABASE_URL");
      if (url != null && !url.isBlank()) {
        server = DatabaseUrl.parse(url);
      } else {
        try {
          EmbeddedPostgres postgres = EmbeddedPostgres.start();
          server = new DatabaseUrl(postgres.getJdbcUrl("postgres", "postgres"), Optional.empty(), Optional.empty());
        } catch (IOException e) {
          throw new UncheckedIOException("No DATABASE_URL and the embedded PostgreSQL did not start", e);
        }
      }
    }
    return server;
  }

  /** The URL of this schema (its tables are found without qualification). */
  public DatabaseUrl url() {
    return withHostPort(base, null);
  }

  /** The URL of this schema reached through another host:port (a {@link TcpProxy}). */
  public DatabaseUrl urlVia(String hostPort) {
    return withHostPort(base, hostPort);
  }

  /** Where the server is, for command-line tools. */
  public record Server(String host, int port, String database, String user, Optional<String> password) {}

  public Server serverAddress() {
    java.net.URI uri = java.net.URI.create(base.jdbcUrl().substring("jdbc:".length()));
    String database = uri.getPath().substring(1);
    return new Server(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, base.user().orElse("postgres"), base.password());
  }

  /** The schema's name (for a search_path). */
  public String name() {
    return schema;
  }

  /** host:port of the server, for a proxy to forward to. */
  public String serverHostPort() {
    String rest = base.jdbcUrl().substring("jdbc:postgresql://".length());
    return rest.substring(0, rest.indexOf('/'));
  }

  private DatabaseUrl withHostPort(DatabaseUrl url, String hostPort) {
    String jdbc = url.jdbcUrl();
    if (hostPort != null) {
      String rest = jdbc.substring("jdbc:postgresql://".length());
      jdbc = "jdbc:postgresql://" + hostPort + rest.substring(rest.indexOf('/'));
    }
    jdbc += (jdbc.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new DatabaseUrl(jdbc, url.user(), url.password());
  }

  /** This schema's address as one {@code jdbc:postgresql://} string with the credentials in it, as for DATABASE_URL. */
  public String jdbcUrlWithCredentials() {
    DatabaseUrl url = url();
    StringBuilder jdbc = new StringBuilder(url.jdbcUrl());
    url.user().ifPresent(user -> jdbc.append("&user=").append(user));
    url.password().ifPresent(password -> jdbc.append("&password=").append(password));
    return jdbc.toString();
  }

  @Override
  public void close() {
    execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(DatabaseUrl url, String sql) {
    try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user().orElse(null), url.password().orElse(null))) {
      connection.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Test database: " + sql + " failed", e);
    }
  }
}
