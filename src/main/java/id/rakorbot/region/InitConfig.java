package id.rakorbot.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The config {@code init} writes for one kabupaten/kota: the shipped template with the region's name, zone and
 * areas filled in. Every area name is unique (a {@code #wilayah} tag must mean one place): a kelurahan/desa that
 * shares its name with a kecamatan or another village carries "(Kel./Desa …, Kec. …)".
 */
public final class InitConfig {

  private InitConfig() {}

  public static String yaml(RegionList.Regency regency) {
    String template;
    try (InputStream in = InitConfig.class.getResourceAsStream("/init/rakorbot.yaml")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ZoneId zone = regency.zone();
    int villages = regency.districts().stream().mapToInt(d -> d.villages().size()).sum();
    return template
        .replace("{{AREAS}}", areas(regency))
        .replace("{{REGION_CODE}}", regency.regency().kode())
        .replace("{{REGION}}", regency.regency().nama())
        .replace("{{PROVINCE}}", regency.province().nama())
        .replace("{{TIME_ZONE}}", zone.getId())
        .replace("{{ZONE_NAME}}", switch (zone.getId()) {
          case "Asia/Makassar" -> "WITA (UTC+8)";
          case "Asia/Jayapura" -> "WIT (UTC+9)";
          default -> "WIB (UTC+7)";
        })
        .replace("{{DISTRICTS}}", String.valueOf(regency.districts().size()))
        .replace("{{VILLAGES}}", String.valueOf(villages));
  }

  /** The areas' names as written: kecamatan plain, villages plain unless the name is taken. */
  static Map<String, String> names(RegionList.Regency regency) {
    Map<String, Integer> count = new HashMap<>();
    regency.districts().forEach(d -> {
      count.merge(key(d.kecamatan().nama()), 1, Integer::sum);
      d.villages().forEach(v -> count.merge(key(v.nama()), 1, Integer::sum));
    });
    Map<String, String> names = new HashMap<>();
    for (RegionList.District district : regency.districts()) {
      names.put(district.kecamatan().kode(), district.kecamatan().nama());
      for (RegionList.Region village : district.villages()) {
        boolean taken = count.get(key(village.nama())) > 1;
        names.put(village.kode(), taken
            ? village.nama() + " (" + (village.kelurahan() ? "Kel." : "Desa") + ", Kec. " + district.kecamatan().nama() + ")"
            : village.nama());
      }
    }
    return names;
  }

  private static String areas(RegionList.Regency regency) {
    Map<String, String> names = names(regency);
    List<String> lines = new ArrayList<>();
    for (RegionList.District district : regency.districts()) {
      lines.add("    # Kecamatan " + district.kecamatan().nama());
      lines.add(entry(names.get(district.kecamatan().kode()), district.kecamatan().kode()));
      for (RegionList.Region village : district.villages()) {
        lines.add(entry(names.get(village.kode()), village.kode()));
      }
    }
    return String.join("\n", lines);
  }

  private static String entry(String name, String code) {
    return "    - {nama: \"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\", kode: \"" + code + "\"}";
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).strip();
  }
}
