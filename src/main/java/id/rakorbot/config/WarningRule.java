package id.rakorbot.config;

import java.util.List;

/**
 * An early-warning rule (peringatan dini). A count rule fires when at least {@code minReports} reports of its
 * categories arrive within {@code withinHours} in one area ({@code per: wilayah}), one region of {@code reports.regions}
 * ({@code per: region}) or anywhere ({@code per: semua});
 * a trend rule ({@code trend}) when a category's last 7 days reach {@code factor} times its weekly average of the
 * 4 weeks before, and at least {@code minReports}.
 *
 * @param id stable key, as alerts name their rule
 * @param name what the alert says it is about ("Potensi tawuran")
 * @param categories category keys the rule counts
 * @param categoryGroup or every category of this group (as {@code reports.categories[].group} names it)
 * @param level waspada, siaga or awas: a higher rule escalates an alert of a lower one
 */
public record WarningRule(String id, String name, List<String> categories, String categoryGroup, Integer minReports, Integer withinHours,
    String per, String level, Trend trend) {

  public WarningRule {
    categories = categories == null ? List.of() : List.copyOf(categories);
    per = per == null || per.isBlank() ? "wilayah" : per.strip();
    level = level == null || level.isBlank() ? "waspada" : level.strip();
  }

  /** A trend rule's threshold. */
  public record Trend(Double factor, Integer minReports) {}

  public boolean isTrend() {
    return trend != null;
  }

  /** The category keys the rule counts, its group resolved against the config. */
  public List<String> categoryKeys(ReportsConfig reports) {
    if (categoryGroup == null || categoryGroup.isBlank()) {
      return categories;
    }
    return reports.categories().stream().filter(c -> categoryGroup.equalsIgnoreCase(c.group())).map(ReportsConfig.Category::key).toList();
  }
}
