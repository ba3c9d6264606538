package id.rakorbot.webapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The Mini App's page under {@code /app/}: one HTML file, its script, style and service worker, all from the jar.
 * No inline script and a strict Content-Security-Policy: scripts, styles, requests and the worker from here only; the
 * page may be framed only by Telegram's web clients.
 */
public final class WebAppPage implements HttpHandler {

  public static final String PATH = "/app/";
  static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:;"
      + " worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors https://web.telegram.org https://*.telegram.org";

  private record File(String resource, String type) {}

  private static final Map<String, File> FILES = Map.of(
      "/app/", new File("app/index.html", "text/html; charset=utf-8"),
      "/app/app.js", new File("app/app.js", "text/javascript; charset=utf-8"),
      "/app/app.css", new File("app/app.css", "text/css; charset=utf-8"),
      "/app/sw.js", new File("app/sw.js", "text/javascript; charset=utf-8"));

  private final Map<String, byte[]> bytes = Map.of(
      "/app/", read("app/index.html"), "/app/app.js", read("app/app.js"), "/app/app.css", read("app/app.css"), "/app/sw.js", read("app/sw.js"));

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      File file = FILES.get(path);
      var headers = exchange.getResponseHeaders();
      headers.set("Content-Security-Policy", POLICY);
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "no-referrer");
      if (file == null || !exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
        byte[] missing = "Tidak ada.".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        headers.set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(file == null ? 404 : 405, missing.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(missing);
        }
        return;
      }
      byte[] body = bytes.get(path);
      headers.set("Content-Type", file.type());
      headers.set("Cache-Control", "no-cache"); // revalidated each time online; the service worker keeps a copy for offline
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(200, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
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
