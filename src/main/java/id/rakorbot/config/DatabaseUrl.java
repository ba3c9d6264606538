package id.rakorbot.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * A PostgreSQL address in either form people paste: {@code postgresql://user:pass@host:port/db} (as Heroku,
 * Docker and psql write it) or {@code jdbc:postgresql://host:port/db?user=...}.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

  public static DatabaseUrl parse(String url) {
    String text = url.trim();
    if (text.startsWith("jdbc:postgresql://")) {
      return new DatabaseUrl(text, Optional.empty(), Optional.empty());
    }
    if (!text.startsWith("postgresql://") && !text.startsWith("postgres://")) {
      throw new IllegalArgumentException("harus diawali postgresql:// atau jdbc:postgresql://");
    }
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("penulisan alamat salah");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("nama host tidak ada");
    }
    String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
    String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/" + database
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = Optional.of(decode(parts[0]));
      password = parts.length > 1 ? Optional.of(decode(parts[1])) : Optional.empty();
    }
    return new DatabaseUrl(jdbc, user, password);
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  /** User and password as JDBC connection properties; absent ones are left out, not passed as null. */
  public Properties credentials() {
    Properties properties = new Properties();
    user.ifPresent(u -> properties.setProperty("user", u));
    password.ifPresent(p -> properties.setProperty("password", p));
    return properties;
  }

  /** The URL without credentials, safe to log. */
  @Override
  public String toString() {
    return jdbcUrl.replaceAll("password=[^&]*", "password=***");
  }
}
