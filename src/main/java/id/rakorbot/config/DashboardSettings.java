package id.rakorbot.config;

import java.util.List;
import java.util.Optional;

/**
 * The read-only web dashboard (Layar Command Center), served on the {@code http} port under {@code /dasbor}.
 *
 * @param baseUrl where people reach that port ({@code https://rakor.malangkota.go.id}); absent: no dashboard.
 *     Login links are built on it, and the session cookie is marked Secure when it is https
 * @param tileUrl map tiles ({@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}); absent: markers on a blank map
 * @param tileAttribution the tile provider's required credit line
 * @param refreshSeconds how often the Layar page fetches fresh figures (default 60)
 * @param mapCenter latitude and longitude the map opens on when there are no markers
 * @param mapZoom the zoom level it opens at then (default 12)
 * @param sessionHours how long a login lasts (default 12: a working day)
 * @param kioskDays how long a wall screen's link lasts unless revoked (default 365)
 */
public record DashboardSettings(String baseUrl, String tileUrl, String tileAttribution, Integer refreshSeconds,
    List<Double> mapCenter, Integer mapZoom, Integer sessionHours, Integer kioskDays) {

  public DashboardSettings {
    baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceFirst("/+$", "");
    tileUrl = tileUrl == null || tileUrl.isBlank() ? null : tileUrl.strip();
    tileAttribution = tileAttribution == null ? "" : tileAttribution.strip();
    refreshSeconds = refreshSeconds == null ? 60 : refreshSeconds;
    mapCenter = mapCenter == null ? List.of(-7.98, 112.63) : List.copyOf(mapCenter);
    mapZoom = mapZoom == null ? 12 : mapZoom;
    sessionHours = sessionHours == null ? 12 : sessionHours;
    kioskDays = kioskDays == null ? 365 : kioskDays;
  }

  static DashboardSettings defaults() {
    return new DashboardSettings(null, null, null, null, null, null, null, null);
  }

  public boolean enabled() {
    return baseUrl != null;
  }

  public boolean secure() {
    return baseUrl != null && baseUrl.startsWith("https://");
  }

  /** The origin of the tiles ("https://tile.openstreetmap.org"), which the page's Content-Security-Policy allows images from. */
  public Optional<String> tileOrigin() {
    if (tileUrl == null) {
      return Optional.empty();
    }
    var m = java.util.regex.Pattern.compile("^(https?://[^/]+)/").matcher(tileUrl.replace("{s}", "a"));
    return m.find() ? Optional.of(tileUrl.startsWith("https://{s}.") || tileUrl.startsWith("http://{s}.")
        ? m.group(1).replaceFirst("//a\\.", "//*.") : m.group(1)) : Optional.empty();
  }
}
