package id.rakorbot.webapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import id.rakorbot.ops.HttpBodies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Mini App's page under {@code /app/}: one HTML file, its script, style and service worker, and Leaflet for the
 * pin (loaded only when a location must be chosen on the map), all from the jar. No inline script and a strict
 * Content-Security-Policy: scripts, styles, requests and the worker from here only, images also from the map's tile
 * server; the page may be framed only by Telegram's web clients.
 */
public final class WebAppPage implements HttpHandler {

  public static final String PATH = "/app/";
  /** The WebJar's version is pom.xml's leaflet.version, as the dashboard's. */
  private static final String LEAFLET = "META-INF/resources/webjars/leaflet/1.9.4/dist/";

  private record File(String resource, String type) {}

  private static final Map<String, File> FILES = Map.of(
      "/app/", new File("app/index.html", "text/html; charset=utf-8"),
      "/app/app.js", new File("app/app.js", "text/javascript; charset=utf-8"),
      "/app/sw.js", new File("app/sw.js", "text/javascript; charset=utf-8"),
      "/app/leaflet.js", new File(LEAFLET + "leaflet.js", "text/javascript; charset=utf-8"),
      "/app/leaflet.css", new File(LEAFLET + "leaflet.css", "text/css; charset=utf-8"));

  /**
   * The page's style is inlined into the HTML, allowed by its hash: on a slow line the first paint then waits for one
   * round trip, not two (the page, then its style).
   */
  private static final String STYLE = new String(read("app/app.css"), StandardCharsets.UTF_8);
  private static final String STYLE_HASH = "'sha256-" + Base64.getEncoder().encodeToString(sha256(STYLE)) + "'";

  private final Map<String, byte[]> bytes = new java.util.HashMap<>();
  private final Supplier<Optional<String>> tileOrigin;

  /** @param tileOrigin the map tiles' origin ("https://tile.openstreetmap.org"), if the config names a tile server */
  public WebAppPage(Supplier<Optional<String>> tileOrigin) {
    this.tileOrigin = tileOrigin;
    FILES.forEach((path, file) -> bytes.put(path, read(file.resource())));
    String html = new String(bytes.get("/app/"), StandardCharsets.UTF_8);
    String link = "<link rel=\"stylesheet\" href=\"/app/app.css\">";
    if (!html.contains(link)) {
      throw new IllegalStateException("app/index.html no longer links app/app.css where its style is inlined");
    }
    bytes.put("/app/", html.replace(link, "<style>" + STYLE + "</style>").getBytes(StandardCharsets.UTF_8));
  }

  static String policy(Optional<String> tileOrigin) {
    return "default-src 'none'; script-src 'self'; style-src 'self' " + STYLE_HASH + "; connect-src 'self'; img-src 'self' data: blob:"
        + tileOrigin.map(o -> " " + o).orElse("") + "; worker-src 'self'; base-uri 'none'; form-action 'none';"
        + " frame-ancestors https://web.telegram.org https://*.telegram.org";
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      File file = FILES.get(path);
      var headers = exchange.getResponseHeaders();
      headers.set("Content-Security-Policy", policy(tileOrigin.get()));
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "no-referrer");
      if (file == null || !exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
        byte[] missing = "Tidak ada.".getBytes(StandardCharsets.UTF_8);
        headers.set("Content-Type", "text/plain; charset=utf-8");
        HttpBodies.send(exchange, file == null ? 404 : 405, missing);
        return;
      }
      byte[] body = bytes.get(path);
      headers.set("Content-Type", file.type());
      headers.set("Cache-Control", "no-cache"); // revalidated each time online; the service worker keeps a copy for offline
      HttpBodies.send(exchange, 200, body);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in = WebAppPage.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing from the jar: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
