package id.rakorbot.dashboard;

import com.sun.net.httpserver.HttpExchange;
import id.rakorbot.error.UserMistake;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What the dashboard reads from a request: a cookie, the query, a small form, and whether a POST came from itself. */
final class Requests {

  private static final int MAX_FORM_BYTES = 4096;

  private Requests() {}

  static Optional<String> cookie(HttpExchange exchange, String name) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
      for (String part : header.split(";")) {
        String[] pair = part.strip().split("=", 2);
        if (pair.length == 2 && pair[0].equals(name)) {
          return Optional.of(pair[1]);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A form POST must come from a dashboard page. Browsers say so in Sec-Fetch-Site; older ones send Origin,
   * which is "null" under our no-referrer policy (then the random link, or the SameSite=Strict cookie, is the guard).
   */
  static boolean sameOrigin(HttpExchange exchange) {
    String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
    if (site != null) {
      return site.equals("same-origin") || site.equals("none");
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin == null || origin.equals("null")) {
      return true;
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }

  static Map<String, String> query(HttpExchange exchange) {
    return decode(exchange.getRequestURI().getRawQuery());
  }

  static Map<String, String> form(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_FORM_BYTES);
      return decode(new String(body, StandardCharsets.UTF_8));
    }
  }

  static Map<String, String> decode(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      try {
        values.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      } catch (IllegalArgumentException malformed) {
        throw new UserMistake("Alamat halaman tidak dapat dibaca.");
      }
    }
    return values;
  }
}
