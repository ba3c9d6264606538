package id.rakorbot.storage;

import id.rakorbot.config.DatabaseSettings;
import id.rakorbot.config.DatabaseUrl;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The configured PostgreSQL reached without a pool and without migrations: the server of {@code DATABASE_URL}, or the
 * embedded one started for as long as this is open. What {@code backup} and {@code restore} work on (a restore needs
 * the database as it is, empty, not migrated first).
 */
public final class DatabaseServer implements AutoCloseable {

  private final DatabaseUrl url;
  private final Optional<EmbeddedDatabase> embedded;

  private DatabaseServer(DatabaseUrl url, Optional<EmbeddedDatabase> embedded) {
    this.url = url;
    this.embedded = embedded;
  }

  public static DatabaseServer open(DatabaseSettings settings) {
    if (settings.embedded()) {
      EmbeddedDatabase started = EmbeddedDatabase.start(Path.of(settings.embeddedDataDir()));
      return new DatabaseServer(started.url(), Optional.of(started));
    }
    return new DatabaseServer(DatabaseUrl.parse(settings.url()), Optional.empty());
  }

  public DatabaseUrl url() {
    return url;
  }

  public boolean embedded() {
    return embedded.isPresent();
  }

  @Override
  public void close() {
    embedded.ifPresent(EmbeddedDatabase::close);
  }
}
