package id.rakorbot.warning;

import id.rakorbot.support.ConfigProblems;
import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Rakorbot;
import id.rakorbot.config.ConfigProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** peringatan_dini is checked with line and column like everything else. */
class WarningCheckTest {

  private static final String BASE = """
      groups:
        - {id: forkopimda, chat_id: -1001, name: Forkopimda}
      reports:
        categories:
          - {key: tawuran, label: Tawuran, group: Gangguan ketertiban}
      peringatan_dini:
        - {id: tawuran_waspada, categories: [tawuran], min_reports: 3, within_hours: 24, per: wilayah, level: waspada}
        - {id: ketertiban, category_group: Gangguan ketertiban, trend: {factor: 2}, level: siaga}
      """;

  @Test
  void aValidSectionBinds() {
    var config = Rakorbot.configLoader(Map.<String, String>of()::get).parse(Path.of("config/rakorbot.yaml"), BASE);
    assertThat(config.peringatanDini()).hasSize(2);
    assertThat(config.peringatanDini().get(1).categoryKeys(config.reports())).containsExactly("tawuran");
  }

  @Test
  void mistakesAreNamedWithLineAndColumn() {
    assertThat(problems(BASE.replace("categories: [tawuran]", "categories: [tawur]").replace("level: waspada", "level: merah")
        .replace("per: wilayah", "per: kota").replace("factor: 2", "factor: 1")))
        .containsExactlyInAnyOrder(
            "config/rakorbot.yaml:7:40: kategori 'tawur' tidak ada di reports.categories. Pilih dari: tawuran.",
            "config/rakorbot.yaml:7:82: per 'kota' tidak dikenal. Tulis wilayah (per kecamatan/kelurahan), region (per Kota/Kabupaten di reports.regions) atau semua.",
            "config/rakorbot.yaml:7:93: level 'merah' tidak dikenal. Tulis waspada, siaga atau awas.",
            "config/rakorbot.yaml:8:67: factor wajib dan lebih dari 1, misalnya 2 (dua kali rata-rata 4 pekan).");
  }

  private static List<String> problems(String yaml) {
    return ConfigProblems.of("config/rakorbot.yaml", yaml);
  }
}
