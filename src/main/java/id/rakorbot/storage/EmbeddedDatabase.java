package id.rakorbot.storage;

import id.rakorbot.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from the binaries in the jar, with its files under {@code dataDir} so data
 * survives restarts. For trying Rakorbot on a fresh machine; production uses a PostgreSQL server.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(Path dataDir) {
    Path files = dataDir.resolve("postgres");
    try {
      Files.createDirectories(files);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(files)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(dataDir.resolve("runtime").toFile())
          // Stopped by Database.close after the bot's loops, not by a JVM hook racing them at SIGTERM.
          .setRegisterShutdownHook(false)
          .start();
      log.info("Embedded PostgreSQL started, data in {}", files.toAbsolutePath().normalize());
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL could not start in " + files.toAbsolutePath(), e);
    }
  }

  DatabaseUrl url() {
    return new DatabaseUrl(postgres.getJdbcUrl("postgres", "postgres"), Optional.empty(), Optional.empty());
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
