package id.rakorbot.config;

import java.util.List;

/**
 * What field reports (/lapor) may say and where they go.
 *
 * @param categories the kamtibmas categories reporters choose from
 * @param areaList the kecamatan/kelurahan a report may carry (a {@code #wilayah} tag must be one), with their codes if given
 * @param privateReportsTo the group that sees reports sent in private chats, if any
 * @param alertGroups the groups that get siaga and awas reports at once
 * @param floodMax at most this many reports per person ...
 * @param floodMinutes ... within this many minutes
 * @param regions when one deployment serves several Kota/Kabupaten: each region's areas (then {@code areas} may be left out)
 */
public record ReportsConfig(
    List<Category> categories,
    @com.fasterxml.jackson.annotation.JsonProperty("areas") List<Area> areaList,
    String privateReportsTo,
    List<String> alertGroups,
    Integer floodMax,
    Integer floodMinutes,
    java.util.Map<String, List<String>> regions) {

  public ReportsConfig {
    categories = categories == null ? List.of() : List.copyOf(categories);
    regions = regions == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(regions));
    if ((areaList == null || areaList.isEmpty()) && !regions.isEmpty()) { // the regions' areas, in their order
      areaList = regions.values().stream().filter(java.util.Objects::nonNull).flatMap(List::stream).map(Area::named).toList();
    }
    areaList = areaList == null ? List.of() : areaList.stream().filter(java.util.Objects::nonNull).toList();
    alertGroups = alertGroups == null ? List.of() : List.copyOf(alertGroups);
    floodMax = floodMax == null ? 10 : floodMax;
    floodMinutes = floodMinutes == null ? 10 : floodMinutes;
  }

  /** The areas' names, in the file's order. */
  public List<String> areas() {
    return areaList.stream().map(Area::nama).filter(java.util.Objects::nonNull).toList();
  }

  /** The Kemendagri code of an area, if the file gives it. */
  public java.util.Optional<String> codeOf(String area) {
    return areaList.stream().filter(a -> a.nama() != null && a.nama().equalsIgnoreCase(area)).map(Area::kode)
        .filter(java.util.Objects::nonNull).findFirst();
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
