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

  /** The major version of the bundled binaries (pom.xml); a data folder made by another cannot be opened by them. */
  static final String MAJOR = "15";

  static EmbeddedDatabase start(Path dataDir) {
    Path files = dataDir.resolve("postgres");
    requireSameMajor(files);
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

  /**
   * Rakorbot before the backup command bundled PostgreSQL 17: its data folder is refused with what to do, rather than
   * PostgreSQL's own "database files are incompatible with server" in the log.
   */
  private static void requireSameMajor(Path files) {
    Path version = files.resolve("PG_VERSION");
    if (!Files.exists(version)) {
      return;
    }
    String found;
    try {
      found = Files.readString(version).strip();
    } catch (IOException e) {
      return; // PostgreSQL itself will say what is wrong with the folder
    }
    if (!found.equals(MAJOR)) {
      throw new IllegalStateException("Folder data " + files.toAbsolutePath().normalize() + " dibuat oleh PostgreSQL " + found
          + ", sedangkan PostgreSQL bawaan Rakorbot versi " + MAJOR + ". Pindahkan data itu ke server PostgreSQL " + found
          + " (jalankan server itu pada folder ini, lalu isi DATABASE_URL), atau pindahkan folder ini dan mulai dengan data baru.");
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
