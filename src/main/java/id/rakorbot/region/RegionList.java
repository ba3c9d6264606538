package id.rakorbot.region;

import id.rakorbot.config.Suggestions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The official region list of Kepmendagri No 300.2.2-2138 Tahun 2025 (38 provinsi, 514 kabupaten/kota, 7,285
 * kecamatan, 83,762 desa/kelurahan), shipped in the jar with its MIT licence ({@code wilayah/}). Codes:
 * {@code 35} provinsi, {@code 35.73} kabupaten/kota, {@code 35.73.01} kecamatan, {@code 35.73.01.1001}
 * kelurahan (4th part from 1) or desa (from 2).
 */
public final class RegionList {

  static final String RESOURCE = "/wilayah/wilayah-kemendagri-2025.tsv";

  /** One row of the list. */
  public record Region(String kode, String nama) {
    public int level() {
      return kode.split("\\.").length;
    }

    public boolean kelurahan() {
      return level() == 4 && kode.substring(kode.lastIndexOf('.') + 1).startsWith("1");
    }

    public String province() {
      return kode.substring(0, 2);
    }
  }

  /** A kabupaten/kota with its kecamatan and, under each, its desa/kelurahan. */
  public record Regency(Region regency, Region province, List<District> districts) {
    public ZoneId zone() {
      return zoneOf(province.kode());
    }
  }

  public record District(Region kecamatan, List<Region> villages) {}

  private static final Set<String> WITA = Set.of("51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76");
  private static final Set<String> WIT = Set.of("81", "82", "91", "92", "93", "94", "95", "96");

  private final List<Region> rows;

  private RegionList(List<Region> rows) {
    this.rows = rows;
  }

  public static RegionList load() {
    try (InputStream in = RegionList.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      List<Region> rows = new ArrayList<>(92_000);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine(); // kode	nama
      for (String line; (line = reader.readLine()) != null; ) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          rows.add(new Region(line.substring(0, tab), line.substring(tab + 1).strip()));
        }
      }
      return new RegionList(List.copyOf(rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** WIB, WITA or WIT, by province (Permendagri on the time zones of Indonesia). */
  public static ZoneId zoneOf(String provinceCode) {
    return ZoneId.of(WITA.contains(provinceCode) ? "Asia/Makassar" : WIT.contains(provinceCode) ? "Asia/Jayapura" : "Asia/Jakarta");
  }

  /** What {@link #find} found: the regency, or suggestions for what was meant. */
  public sealed interface Found {
    record One(Regency regency) implements Found {}

    record None(List<String> suggestions) implements Found {}
  }

  /**
   * A kabupaten/kota by its code ({@code 35.73}) or its name ({@code Kota Malang}, {@code kab. malang},
   * {@code Malang}: a bare name that fits both a kota and a kabupaten is ambiguous and answered with both).
   */
  public Found find(String query) {
    String wanted = query.strip();
    List<Region> regencies = rows.stream().filter(r -> r.level() == 2).toList();
    Optional<Region> byCode = regencies.stream().filter(r -> r.kode().equals(wanted)).findFirst();
    List<Region> byName = byCode.map(List::of).orElseGet(() -> regencies.stream().filter(r -> normal(r.nama()).equals(normal(wanted))).toList());
    if (byName.isEmpty()) {
      byName = regencies.stream().filter(r -> bare(r.nama()).equals(normal(wanted))).toList();
    }
    if (byName.size() == 1) {
      return new Found.One(regency(byName.getFirst()));
    }
    if (byName.size() > 1) {
      return new Found.None(byName.stream().map(r -> r.nama() + " (" + r.kode() + ")").toList());
    }
    List<String> names = regencies.stream().map(Region::nama).toList();
    List<String> suggestions = new ArrayList<>();
    Suggestions.closest(wanted, names).ifPresent(suggestions::add);
    regencies.stream().filter(r -> bare(r.nama()).startsWith(normal(wanted).replaceFirst("^(kota|kabupaten) ", "")) && !normal(wanted).isBlank())
        .map(Region::nama).filter(n -> !suggestions.contains(n)).limit(3).forEach(suggestions::add);
    Map<String, String> codes = new java.util.HashMap<>();
    regencies.forEach(r -> codes.put(r.nama(), r.kode()));
    return new Found.None(suggestions.stream().map(n -> n + " (" + codes.get(n) + ")").toList());
  }

  private Regency regency(Region regency) {
    Region province = rows.stream().filter(r -> r.kode().equals(regency.province())).findFirst().orElseThrow();
    List<District> districts = new ArrayList<>();
    String prefix = regency.kode() + ".";
    for (Region r : rows) {
      if (r.kode().startsWith(prefix) && r.level() == 3) {
        districts.add(new District(r, rows.stream().filter(v -> v.level() == 4 && v.kode().startsWith(r.kode() + ".")).toList()));
      }
    }
    return new Regency(regency, province, List.copyOf(districts));
  }

  private static String normal(String name) {
    return name.toLowerCase(Locale.ROOT).replace("kab.", "kabupaten ").replaceAll("[^a-z0-9]+", " ").strip();
  }

  /** "Kota Malang" and "Kabupaten Malang" both as "malang". */
  private static String bare(String name) {
    return normal(name).replaceFirst("^(kota|kabupaten) ", "");
  }
}
