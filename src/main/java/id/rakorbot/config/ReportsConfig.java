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
 * @param regions when one deployment serves several Kota/Kabupaten: each region's areas (then {@code areas} may be left out)
 */
public record ReportsConfig(
    List<Category> categories,
    List<String> areas,
    String privateReportsTo,
    List<String> alertGroups,
    Integer floodMax,
    Integer floodMinutes,
    java.util.Map<String, List<String>> regions) {

  public ReportsConfig {
    categories = categories == null ? List.of() : List.copyOf(categories);
    regions = regions == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(regions));
    if ((areas == null || areas.isEmpty()) && !regions.isEmpty()) { // the regions' areas, in their order
      areas = regions.values().stream().filter(java.util.Objects::nonNull).flatMap(List::stream).toList();
    }
    areas = areas == null ? List.of() : List.copyOf(areas);
    alertGroups = alertGroups == null ? List.of() : List.copyOf(alertGroups);
    floodMax = floodMax == null ? 10 : floodMax;
    floodMinutes = floodMinutes == null ? 10 : floodMinutes;
  }

  static ReportsConfig defaults() {
    return new ReportsConfig(null, null, null, null, null, null, null);
  }

  /** The region of an area (any case), when regions are declared. */
  public java.util.Optional<String> regionOf(String area) {
    if (area == null) {
      return java.util.Optional.empty();
    }
    return regions.entrySet().stream().filter(e -> e.getValue() != null && e.getValue().stream().anyMatch(area::equalsIgnoreCase))
        .map(java.util.Map.Entry::getKey).findFirst();
  }

  /** The areas of a declared region. */
  public List<String> areasOf(String region) {
    List<String> areas = regions.get(region);
    return areas == null ? List.of() : areas;
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
