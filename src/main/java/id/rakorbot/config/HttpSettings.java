package id.rakorbot.config;

/**
 * The operations endpoints ({@code /healthz}, {@code /readyz}, {@code /metrics}) on the JDK's own HTTP server.
 *
 * @param port TCP port; absent: no HTTP server ({@code 0}: any free port, for tests)
 * @param host address to listen on (default {@code 0.0.0.0}, as a container needs)
 */
public record HttpSettings(Integer port, String host) {

  public HttpSettings {
    host = host == null || host.isBlank() ? "0.0.0.0" : host.trim();
  }

  public boolean enabled() {
    return port != null;
  }

  static HttpSettings defaults() {
    return new HttpSettings(null, null);
  }
}
