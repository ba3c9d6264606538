package id.rakorbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.support.ConfigProblems;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** data_protection: the officer and each retention, with defaults, and each mistake at its file:line:column. */
class DataProtectionConfigTest {

  private static final String BASE = """
      groups:
        - {id: forkopimda, chat_id: -1001, name: Forkopimda}
      data_protection:
        officer: {name: Andi Pratama, contact: ppdp@malangkota.go.id}
        retention: {updates: 7d, messages: 30d, reports: 5y, photos: 1y, sessions: 90d, audit: 5y}
      """;

  @Test
  void theDefaultsKeepWhatUuPdpAsksAndNoLonger() {
    RakorbotConfig config = ConfigProblems.parse("config/rakorbot.yaml", "groups:\n  - {id: forkopimda, chat_id: -1001, name: Forkopimda}\n");
    var retention = config.dataProtection().retention();
    assertThat(retention.updates().length()).isEqualTo(Duration.ofDays(7));
    assertThat(retention.messages().length()).isEqualTo(Duration.ofDays(30));
    assertThat(retention.reports().length()).isEqualTo(Duration.ofDays(5 * 365));
    assertThat(retention.photos().length()).isEqualTo(Duration.ofDays(365));
    assertThat(retention.sessions().length()).isEqualTo(Duration.ofDays(90));
    assertThat(retention.audit().length()).isEqualTo(Duration.ofDays(5 * 365));
    assertThat(config.dataProtection().officer().named()).isFalse();

    RakorbotConfig written = ConfigProblems.parse("config/rakorbot.yaml", BASE);
    assertThat(written.dataProtection().officer().name()).isEqualTo("Andi Pratama");
    assertThat(PrivacyTexts.privacy(written)).contains("Andi Pratama (ppdp@malangkota.go.id)", "5 tahun", "90 hari");
  }

  @Test
  void eachMistakeIsToldAtItsPlace() {
    String broken = BASE.replace("messages: 30d", "messages: 2d").replace("reports: 5y", "reports: lima tahun")
        .replace("audit: 5y", "audit: 30d").replace("photos: 1y", "photos: 0d");
    assertThat(ConfigProblems.of("config/rakorbot.yaml", broken)).containsExactlyInAnyOrder(
        "config/rakorbot.yaml:5:28: masa simpan pesan terkirim '2d' terlalu pendek: rekap kehadiran dan tombol peringatan masih"
            + " disunting sesudah terkirim, jadi isi paling sedikit 7d (bawaan 30d).",
        "config/rakorbot.yaml:5:42: lama waktu 'lima tahun' tidak dapat dibaca. Tulis angka dengan satuan h (jam), d (hari) atau y"
            + " (tahun), misalnya 7d atau 5y.",
        "config/rakorbot.yaml:5:63: masa simpan foto '0d' terlalu pendek: isi paling sedikit 1d (bawaan 1y).",
        "config/rakorbot.yaml:5:90: masa simpan jejak audit '30d' terlalu pendek: database menolak menghapus jejak audit yang belum"
            + " setahun, jadi isi paling sedikit 1y (bawaan 5y).");
  }
}
