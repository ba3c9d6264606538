package id.rakorbot.warning;

import id.rakorbot.config.ConfigCheck;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.ReportsConfig;
import id.rakorbot.config.WarningRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks {@code peringatan_dini:}: known categories or group, a threshold, a window, a scope and a level. */
public final class WarningCheck implements ConfigCheck {

  @Override
  public List<Problem> check(RakorbotConfig config) {
    List<Problem> problems = new ArrayList<>();
    Set<String> categories = config.reports().categories().stream().map(ReportsConfig.Category::key).collect(Collectors.toSet());
    Set<String> families = config.reports().categories().stream().map(ReportsConfig.Category::group).filter(g -> g != null)
        .map(g -> g.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < config.peringatanDini().size(); i++) {
      WarningRule rule = config.peringatanDini().get(i);
      String at = "/peringatan_dini/" + i;
      if (rule.id() == null || !rule.id().matches("[a-z0-9_]{1,40}")) {
        problems.add(new Problem(at, "id aturan wajib: huruf kecil, angka atau _, misalnya tawuran_wilayah."));
      } else if (ids.putIfAbsent(rule.id(), i) != null) {
        problems.add(new Problem(at + "/id", "id '" + rule.id() + "' sudah dipakai aturan ke-" + (ids.get(rule.id()) + 1) + "."));
      }
      boolean byGroup = rule.categoryGroup() != null && !rule.categoryGroup().isBlank();
      if (rule.categories().isEmpty() && !byGroup) {
        problems.add(new Problem(at, "tulis categories (misalnya [tawuran]) atau category_group (misalnya Gangguan ketertiban)."));
      }
      for (int c = 0; c < rule.categories().size(); c++) {
        if (!categories.contains(rule.categories().get(c))) {
          problems.add(new Problem(at + "/categories/" + c, "kategori '" + rule.categories().get(c) + "' tidak ada di reports.categories. Pilih dari: "
              + String.join(", ", categories.stream().sorted().toList()) + "."));
        }
      }
      if (byGroup && !families.contains(rule.categoryGroup().toLowerCase(java.util.Locale.ROOT))) {
        problems.add(new Problem(at + "/category_group", "kelompok '" + rule.categoryGroup() + "' tidak dipakai kategori mana pun."));
      }
      if (rule.rank().isEmpty()) {
        problems.add(new Problem(at + "/level", "level '" + rule.level() + "' tidak dikenal. Tulis waspada, siaga atau awas."));
      }
      if (rule.isTrend()) {
        if (rule.trend().factor() == null || rule.trend().factor() <= 1) {
          problems.add(new Problem(at + "/trend/factor", "factor wajib dan lebih dari 1, misalnya 2 (dua kali rata-rata 4 pekan)."));
        }
        continue;
      }
      if (rule.minReports() == null || rule.minReports() < 1) {
        problems.add(new Problem(at, "min_reports wajib, 1 atau lebih: berapa laporan memicu peringatan."));
      }
      if (rule.withinHours() == null || rule.withinHours() < 1 || rule.withinHours() > 24 * 30) {
        problems.add(new Problem(at, "within_hours wajib, 1 sampai 720: dalam berapa jam laporan itu dihitung."));
      }
      if (rule.scope().isEmpty()) {
        problems.add(new Problem(at + "/per", "per '" + rule.per() + "' tidak dikenal. Tulis wilayah (per kecamatan/kelurahan), region"
            + " (per Kota/Kabupaten di reports.regions) atau semua."));
      } else if (rule.scope().get() == WarningRule.Scope.REGION && config.reports().regions().isEmpty()) {
        problems.add(new Problem(at + "/per", "per region perlu reports.regions (wilayah dikelompokkan per Kota/Kabupaten)."));
      }
    }
    return problems;
  }
}
