package id.rakorbot.report;

import id.rakorbot.config.ConfigCheck;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.ReportsConfig;
import id.rakorbot.config.ReportsConfig.Category;
import id.rakorbot.config.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks the {@code reports:} section: unique category words, declared groups, known areas. */
public final class ReportCheck implements ConfigCheck {

  private static final Pattern WORD = Pattern.compile("[a-z0-9_]{2,24}");

  @Override
  public List<Problem> check(RakorbotConfig config) {
    List<Problem> problems = new ArrayList<>();
    ReportsConfig reports = config.reports();
    Map<String, String> words = new HashMap<>();
    for (int i = 0; i < reports.categories().size(); i++) {
      Category category = reports.categories().get(i);
      String at = "/reports/categories/" + i;
      if (category.key() == null || !WORD.matcher(category.key()).matches()) {
        problems.add(new Problem(at, "kategori perlu 'key' dari huruf kecil, angka atau '_', misalnya key: tawuran"));
        continue;
      }
      if (category.label() == null || category.label().isBlank()) {
        problems.add(new Problem(at, "kategori '" + category.key() + "' perlu 'label', misalnya label: Tawuran"));
      }
      List<String> all = new ArrayList<>(List.of(category.key()));
      all.addAll(category.aliases());
      for (int w = 0; w < all.size(); w++) {
        String word = all.get(w).toLowerCase(Locale.ROOT);
        String previous = words.putIfAbsent(word, category.key());
        if (previous != null) {
          problems.add(new Problem(w == 0 ? at + "/key" : at + "/aliases/" + (w - 1),
              "kata '" + word + "' sudah dipakai kategori '" + previous + "'. Setiap kata hanya boleh menunjuk satu kategori."));
        }
      }
    }
    List<String> declared = config.groups().stream().map(GroupConfig::id).toList();
    if (reports.privateReportsTo() != null && !declared.contains(reports.privateReportsTo())) {
      problems.add(new Problem("/reports/private_reports_to", unknownGroup(reports.privateReportsTo(), declared)));
    }
    for (int g = 0; g < reports.alertGroups().size(); g++) {
      if (!declared.contains(reports.alertGroups().get(g))) {
        problems.add(new Problem("/reports/alert_groups/" + g, unknownGroup(reports.alertGroups().get(g), declared)));
      }
    }
    if (reports.floodMax() < 1 || reports.floodMinutes() < 1) {
      problems.add(new Problem("/reports", "flood_max dan flood_minutes harus lebih dari 0."));
    }
    if (!reports.areas().isEmpty()) {
      List<String> areas = reports.areas().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
      for (int r = 0; r < config.yamlRoster().size(); r++) {
        Official official = config.yamlRoster().get(r);
        if (official.wilayah() != null && !areas.contains(official.wilayah().toLowerCase(Locale.ROOT))) {
          problems.add(new Problem("/roster/" + r + "/wilayah", "wilayah '" + official.wilayah() + "' tidak ada di reports.areas."
              + Suggestions.closest(official.wilayah(), reports.areas()).map(s -> " Maksud Anda '" + s + "'?").orElse("")
              + " Tambahkan ke daftar wilayah atau perbaiki penulisannya."));
        }
      }
    }
    checkRegions(config, problems);
    return problems;
  }

  /** Each area in one region at most, regions' areas among the areas, groups in a declared region (or none: lintas wilayah). */
  private static void checkRegions(RakorbotConfig config, List<Problem> problems) {
    ReportsConfig reports = config.reports();
    if (reports.regions().isEmpty()) {
      return;
    }
    java.util.Map<String, String> seen = new java.util.HashMap<>();
    List<String> areas = reports.areas().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
    reports.regions().forEach((region, members) -> {
      List<String> list = members == null ? List.of() : members;
      for (int i = 0; i < list.size(); i++) {
        String area = list.get(i);
        String pointer = "/reports/regions/" + region + "/" + i;
        String earlier = seen.putIfAbsent(area.toLowerCase(Locale.ROOT), region);
        if (earlier != null) {
          problems.add(new Problem(pointer, "wilayah '" + area + "' sudah masuk region '" + earlier + "'. Satu wilayah hanya di satu region."));
        } else if (!areas.contains(area.toLowerCase(Locale.ROOT))) {
          problems.add(new Problem(pointer, "wilayah '" + area + "' tidak ada di reports.areas. Tambahkan ke areas, atau hapus areas"
              + " (daftar wilayah lalu diambil dari regions)."));
        }
      }
    });
    for (int g = 0; g < config.groups().size(); g++) {
      String region = config.groups().get(g).region();
      if (region != null && !region.isBlank() && !reports.regions().containsKey(region)) {
        problems.add(new Problem("/groups/" + g + "/region", "region '" + region + "' tidak ada di reports.regions ("
            + String.join(", ", reports.regions().keySet()) + "). Kosongkan region untuk forum lintas wilayah."));
      }
    }
  }

  private static String unknownGroup(String group, List<String> declared) {
    return "grup '" + group + "' tidak dideklarasikan di bagian groups."
        + Suggestions.closest(group, declared).map(s -> " Maksud Anda '" + s + "'?").orElse("")
        + " Grup yang ada: " + String.join(", ", declared) + ".";
  }
}
