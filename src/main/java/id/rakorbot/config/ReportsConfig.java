package id.rakorbot.config;

import java.util.List;

/**
 * What field reports (/lapor) may say and where they go.
 *
 * @param categories the kamtibmas categories reporters choose from
 * @param areas the kecamatan/kelurahan names a report may carry (a {@code #wilayah} tag must be one)
 * @param privateReportsTo the group that sees reports sent in private chats, if any
 * @param alertGroups the groups that get siaga and awas reports at once
 * @param floodMax at most this many reports per person ...
 * @param floodMinutes ... within this many minutes
 */
public record ReportsConfig(
    List<Category> categories,
    List<String> areas,
    String privateReportsTo,
    List<String> alertGroups,
    Integer floodMax,
    Integer floodMinutes) {

  public ReportsConfig {
    categories = categories == null ? List.of() : List.copyOf(categories);
    areas = areas == null ? List.of() : List.copyOf(areas);
    alertGroups = alertGroups == null ? List.of() : List.copyOf(alertGroups);
    floodMax = floodMax == null ? 10 : floodMax;
    floodMinutes = floodMinutes == null ? 10 : floodMinutes;
  }

  static ReportsConfig defaults() {
    return new ReportsConfig(null, null, null, null, null, null);
  }

  /**
   * A report category.
   *
   * @param key what reporters type ("tawuran")
   * @param label as shown ("Tawuran")
   * @param group the family it belongs to (as Perkap 7/2009 groups kamtibmas disturbances)
   * @param aliases other words for it ("curanmor" for pencurian)
   */
  public record Category(String key, String label, String group, List<String> aliases) {
    public Category {
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
  }
}
