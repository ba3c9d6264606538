package id.rakorbot.config;

/**
 * Which PostgreSQL to use.
 *
 * @param url a {@code postgresql://user:pass@host:port/db} or {@code jdbc:postgresql://...} URL; empty
 *     means the embedded PostgreSQL kept under {@code embeddedDataDir}
 * @param embeddedDataDir where the embedded PostgreSQL keeps its files between runs
 * @param maxPoolSize the largest number of connections the bot holds open
 */
public record DatabaseSettings(String url, String embeddedDataDir, Integer maxPoolSize) {

  public DatabaseSettings {
    url = url == null ? "" : url.trim();
    embeddedDataDir = embeddedDataDir == null || embeddedDataDir.isBlank() ? "./data" : embeddedDataDir.trim();
    maxPoolSize = maxPoolSize == null ? 10 : maxPoolSize;
  }

  static DatabaseSettings defaults() {
    return new DatabaseSettings(null, null, null);
  }

  public boolean embedded() {
    return url.isEmpty();
  }
}
