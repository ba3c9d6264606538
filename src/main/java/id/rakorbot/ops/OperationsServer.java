package id.rakorbot.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.rakorbot.config.HttpSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /healthz} (the process answers), {@code /readyz} (this instance can do its work) and {@code /metrics}
 * (Prometheus text) on the JDK's own HTTP server: three small GET endpoints need no framework, and the
 * Docker health check asks {@code /readyz} instead of starting a JVM each time.
 */
public final class OperationsServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OperationsServer.class);

  static {
    // The JDK server writes headers and body in two packets; without TCP_NODELAY a small page waits ~40 ms
    // for the client's delayed ACK (measured: 44-48 ms for pages that render in 5). Read once, at first use.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final java.util.Set<String> ENDPOINTS = java.util.Set.of("/healthz", "/readyz", "/metrics");
  private static final String TEXT = "text/plain; charset=utf-8";

  /** What {@code /readyz} says: ready or not, and one line per fact. */
  public record Readiness(boolean ready, List<String> lines) {}

  private final HttpServer server;
  private final ExecutorService threads;

  private OperationsServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Starts listening. {@code readiness} is asked on every {@code /readyz}; {@code pendingByClass} gives the
   * waiting outbox messages of each priority class (asked at most every few seconds, on scrape).
   */
  public static OperationsServer start(HttpSettings settings, Supplier<Readiness> readiness,
      Supplier<java.util.Map<String, Long>> pendingByClass, Supplier<Boolean> leading, BotMetrics metrics) {
    MeterRegistry registry = metrics.registry();
    var pending = new Cached<>(pendingByClass, Duration.ofSeconds(5));
    for (String priority : List.of("alert", "scheduled", "reply", "bulk")) {
      Gauge.builder("rakorbot.outbox.pending", pending, p -> p.get().getOrDefault(priority, 0L))
          .tag("class", priority).description("Messages waiting to be sent").strongReference(true).register(registry);
    }
    Gauge.builder("rakorbot.leader", leading, l -> l.get() ? 1 : 0)
        .description("1 while this instance leads: it talks to Telegram and sends").strongReference(true).register(registry);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 16);
      // Four threads: the dashboard's pages and downloads beside health checks and scrapes, while leaving most of
      // the database pool to the bot's own work.
      ExecutorService threads = Executors.newFixedThreadPool(4, Thread.ofPlatform().name("operations-http", 0).daemon().factory());
      server.setExecutor(threads);
      server.createContext("/", exchange -> {
        try (exchange) {
          String path = exchange.getRequestURI().getPath();
          if (!ENDPOINTS.contains(path)) {
            respond(exchange, 404, TEXT, "Tidak ada: /healthz, /readyz, /metrics.\n");
          } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            respond(exchange, 405, TEXT, "Hanya GET.\n");
          } else {
            switch (path) {
              case "/healthz" -> respond(exchange, 200, TEXT, "ok\n");
              case "/readyz" -> {
                Readiness now = readiness.get();
                respond(exchange, now.ready() ? 200 : 503, TEXT, String.join("\n", now.lines()) + "\n");
              }
              default -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            }
          }
        } catch (RuntimeException e) {
          log.warn("Operations request {} failed", exchange.getRequestURI(), e);
          failed(exchange);
        }
      });
      server.start();
      log.info("Operations endpoints on {}:{} (/healthz, /readyz, /metrics)", settings.host(), server.getAddress().getPort());
      return new OperationsServer(server, threads);
    } catch (IOException e) {
      throw new UncheckedIOException("The operations port " + settings.port() + " cannot be opened", e);
    }
  }

  /** Answers 500 to a request that failed before its answer began (after that, closing the exchange ends it). */
  private static void failed(HttpExchange exchange) {
    if (exchange.getResponseCode() == -1) {
      try {
        respond(exchange, 500, TEXT, "Terjadi kesalahan di server; lihat log.\n");
      } catch (IOException | RuntimeException ignored) {
        // the client is gone: nothing more to say
      }
    }
  }

  /** Serves {@code handler} at {@code path} too (the webhook). */
  public void route(String path, com.sun.net.httpserver.HttpHandler handler) {
    server.createContext(path, handler);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** A value asked for at most once per {@code ttl}: a scrape every few seconds costs one query, not four. */
  private static final class Cached<T> implements Supplier<T> {
    private final Supplier<T> source;
    private final Duration ttl;
    private T value;
    private long at;

    Cached(Supplier<T> source, Duration ttl) {
      this.source = source;
      this.ttl = ttl;
    }

    @Override
    public synchronized T get() {
      if (value == null || System.nanoTime() - at > ttl.toNanos()) {
        value = source.get();
        at = System.nanoTime();
      }
      return value;
    }
  }
}
