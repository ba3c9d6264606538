package id.rakorbot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.config.DashboardSettings;
import id.rakorbot.support.ConfigProblems;
import org.junit.jupiter.api.Test;

/** dashboard: is checked with line and column; the Content-Security-Policy allows the configured tiles only. */
class DashboardCheckTest {

  private static final String BASE = """
      http:
        port: 8080
      dashboard:
        base_url: https://rakor.malangkota.go.id/
        tile_url: https://tile.openstreetmap.org/{z}/{x}/{y}.png
        refresh_seconds: 30
      """;

  @Test
  void aValidDashboardBinds() {
    DashboardSettings settings = ConfigProblems.parse("config/rakorbot.yaml", BASE).dashboard();
    assertThat(settings.baseUrl()).isEqualTo("https://rakor.malangkota.go.id");
    assertThat(settings.secure()).isTrue();
    assertThat(DashboardHttp.contentSecurityPolicy(settings))
        .contains("img-src 'self' data: https://tile.openstreetmap.org;", "script-src 'self';").doesNotContain("unsafe");
    assertThat(ConfigProblems.parse("config/rakorbot.yaml", "http: {port: 8080}\n").dashboard().enabled()).isFalse();
  }

  @Test
  void mistakesAreNamedWithLineAndColumn() {
    String broken = BASE.replace("https://rakor.malangkota.go.id/", "rakor.malangkota.go.id")
        .replace("{z}/{x}/{y}.png", "tiles.png").replace("30", "2");
    assertThat(ConfigProblems.of("config/rakorbot.yaml", broken))
        .hasSize(3)
        .anyMatch(p -> p.startsWith("config/rakorbot.yaml:4:") && p.contains("base_url 'rakor.malangkota.go.id' tidak valid"))
        .anyMatch(p -> p.startsWith("config/rakorbot.yaml:5:") && p.contains("tile_url 'https://tile.openstreetmap.org/tiles.png' tidak valid"))
        .anyMatch(p -> p.startsWith("config/rakorbot.yaml:6:") && p.contains("refresh_seconds 2 di luar batas"));
    assertThat(ConfigProblems.of("config/rakorbot.yaml", BASE.replace("http:\n  port: 8080\n", "")))
        .singleElement().satisfies(p -> assertThat(p).contains("dasbor butuh port HTTP"));
  }
}
