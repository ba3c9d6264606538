package id.rakorbot.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The dashboard's own script and style, and Leaflet from its WebJar: a fixed list, read once from the class path. */
final class Assets {

  /** A file as served. */
  record Asset(String type, byte[] bytes) {}

  /** The WebJar's version is pom.xml's leaflet.version: a bump changes both. */
  private static final String LEAFLET = "META-INF/resources/webjars/leaflet/1.9.4/dist/";
  private static final Map<String, String> FILES = Map.of(
      "app.js", "dasbor/app.js",
      "app.css", "dasbor/app.css",
      "leaflet.js", LEAFLET + "leaflet.js",
      "leaflet.css", LEAFLET + "leaflet.css",
      "favicon.ico", "dasbor/favicon.ico");

  private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

  Optional<Asset> get(String name) {
    String resource = FILES.get(name);
    if (resource == null) {
      return Optional.empty();
    }
    return Optional.of(loaded.computeIfAbsent(name, n -> new Asset(type(n), read(resource))));
  }

  private static String type(String name) {
    return name.endsWith(".js") ? "text/javascript; charset=utf-8" : name.endsWith(".ico") ? "image/x-icon" : "text/css; charset=utf-8";
  }

  private static byte[] read(String resource) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing from the jar: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
