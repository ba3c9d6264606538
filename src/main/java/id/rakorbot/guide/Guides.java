package id.rakorbot.guide;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The two Indonesian guides of {@code docs/}, packed into the jar, served as pages that fit a phone at
 * {@code /panduan/pengguna} and {@code /panduan/admin} (with their screenshots), so that /bantuan can link them.
 * They hold no personal data: no login is asked.
 */
public final class Guides implements HttpHandler {

  public static final String PATH = "/panduan";
  static final Map<String, String> PAGES = Map.of("pengguna", "panduan-pengguna.md", "admin", "panduan-admin.md");

  private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final String STYLE = "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1b1f24}"
      + "img{max-width:100%;height:auto;border:1px solid #ccd}pre{overflow-x:auto;background:#f3f4f6;padding:.6rem}"
      + "code{background:#f3f4f6;padding:0 .2rem;overflow-wrap:anywhere}table{border-collapse:collapse;display:block;overflow-x:auto}"
      + "td,th{border:1px solid #ccd;padding:.3rem .5rem;text-align:left}h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}";

  /** The address of a guide under the dashboard's public base URL, if the dashboard has one. */
  public static Optional<String> link(String baseUrl, String page) {
    return baseUrl == null || baseUrl.isBlank() ? Optional.empty() : Optional.of(baseUrl.replaceAll("/+$", "") + PATH + "/" + page);
  }

  static Optional<String> html(String page) {
    String file = PAGES.get(page);
    if (file == null) {
      return Optional.empty();
    }
    String markdown = resource(file).map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(null);
    if (markdown == null) {
      return Optional.empty();
    }
    // links between the guides and to their pictures, as the pages are served
    markdown = markdown.replace("(panduan-admin.md)", "(admin)").replace("(panduan-pengguna.md)", "(pengguna)")
        .replace("[docs/configuration.md](configuration.md)", "`docs/configuration.md` (di paket Rakorbot)");
    var document = Parser.builder().extensions(EXTENSIONS).build().parse(markdown);
    String body = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build().render(document);
    return Optional.of("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
        + " content=\"width=device-width, initial-scale=1\"><title>Panduan Rakorbot</title><style>" + STYLE + "</style></head><body>"
        + body + "</body></html>");
  }

  private static Optional<byte[]> resource(String name) {
    try (InputStream in = Guides.class.getResourceAsStream("/panduan/" + name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String rest = exchange.getRequestURI().getPath().substring(PATH.length()).replaceFirst("^/", "");
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "text/plain; charset=utf-8", "Hanya GET.".getBytes(StandardCharsets.UTF_8));
      } else if (rest.matches("dasbor-[a-z0-9-]+\\.png") && resource(rest).isPresent()) {
        send(exchange, 200, "image/png", resource(rest).get());
      } else {
        Optional<String> page = html(rest.isEmpty() ? "pengguna" : rest);
        if (page.isPresent()) {
          send(exchange, 200, "text/html; charset=utf-8", page.get().getBytes(StandardCharsets.UTF_8));
        } else {
          send(exchange, 404, "text/plain; charset=utf-8", "Panduan tidak ditemukan. Buka /panduan/pengguna atau /panduan/admin."
              .getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "max-age=3600");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
