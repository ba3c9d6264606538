package id.rakorbot.dashboard;

import id.rakorbot.config.ConfigCheck;
import id.rakorbot.config.DashboardSettings;
import id.rakorbot.config.RakorbotConfig;
import java.util.ArrayList;
import java.util.List;

/** Checks {@code dashboard:}: a reachable base URL on an enabled HTTP port, a tile URL with its placeholders, sane numbers. */
public final class DashboardCheck implements ConfigCheck {

  @Override
  public List<Problem> check(RakorbotConfig config) {
    DashboardSettings d = config.dashboard();
    List<Problem> problems = new ArrayList<>();
    if (d.baseUrl() != null) {
      if (!d.baseUrl().matches("https?://[^/\\s?#]+(/[^\\s?#]*)?")) {
        problems.add(new Problem("/dashboard/base_url", "base_url '" + d.baseUrl()
            + "' tidak valid. Tulis alamat yang dibuka pimpinan, misalnya https://rakor.malangkota.go.id"));
      } else if (d.baseUrl().matches("https?://[^/]+/.+")) {
        problems.add(new Problem("/dashboard/base_url", "base_url cukup alamat situsnya tanpa jalur (dasbor ada di /dasbor), misalnya https://rakor.malangkota.go.id"));
      }
      if (!config.http().enabled()) {
        problems.add(new Problem("/dashboard/base_url", "dasbor butuh port HTTP: isi juga http.port (misalnya 8080)."));
      }
    }
    if (d.tileUrl() != null && !(d.tileUrl().matches("https?://\\S+") && d.tileUrl().contains("{z}") && d.tileUrl().contains("{x}")
        && d.tileUrl().contains("{y}"))) {
      problems.add(new Problem("/dashboard/tile_url", "tile_url '" + d.tileUrl()
          + "' tidak valid: alamat http(s) dengan {z}, {x} dan {y}, misalnya https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
    }
    if (d.refreshSeconds() < 5 || d.refreshSeconds() > 3600) {
      problems.add(new Problem("/dashboard/refresh_seconds", "refresh_seconds " + d.refreshSeconds() + " di luar batas: 5 sampai 3600 detik."));
    }
    if (d.mapCenter().size() != 2 || Math.abs(d.mapCenter().get(0)) > 90 || Math.abs(d.mapCenter().get(1)) > 180) {
      problems.add(new Problem("/dashboard/map_center", "map_center ditulis [lintang, bujur], misalnya [-7.98, 112.63]."));
    }
    if (d.mapZoom() < 1 || d.mapZoom() > 19) {
      problems.add(new Problem("/dashboard/map_zoom", "map_zoom " + d.mapZoom() + " di luar batas: 1 sampai 19."));
    }
    if (d.sessionHours() < 1 || d.sessionHours() > 24 * 7) {
      problems.add(new Problem("/dashboard/session_hours", "session_hours " + d.sessionHours() + " di luar batas: 1 sampai 168 jam."));
    }
    if (d.kioskDays() < 1 || d.kioskDays() > 730) {
      problems.add(new Problem("/dashboard/kiosk_days", "kiosk_days " + d.kioskDays() + " di luar batas: 1 sampai 730 hari."));
    }
    return problems;
  }
}
