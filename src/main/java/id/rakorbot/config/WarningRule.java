package id.rakorbot.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An early-warning rule (peringatan dini). A count rule fires when at least {@code minReports} reports of its
 * categories arrive within {@code withinHours} in one area ({@code per: wilayah}), one region of {@code reports.regions}
 * ({@code per: region}) or anywhere ({@code per: semua});
 * a trend rule ({@code trend}) when a category's last 7 days reach {@code factor} times its weekly average of the
 * 4 weeks before, and at least {@code minReports}.
 *
 * <p>{@code per} and {@code level} are read once, when the file is loaded, into {@link #scope} and {@link #rank};
 * the texts stay for the check to quote when they are not known words.
 *
 * @param id stable key, as alerts name their rule
 * @param name what the alert says it is about ("Potensi tawuran")
 * @param categories category keys the rule counts
 * @param categoryGroup or every category of this group (as {@code reports.categories[].group} names it)
 * @param level waspada, siaga or awas: a higher rule escalates an alert of a lower one
 */
public record WarningRule(String id, String name, List<String> categories, String categoryGroup, Integer minReports, Integer withinHours,
    String per, String level, Trend trend, @JsonIgnore Optional<Scope> scope, @JsonIgnore Optional<Level> rank) {

  /** Where a count rule counts. */
  public enum Scope {
    /** Per area (kecamatan or kelurahan). */
    WILAYAH,
    /** Per Kota/Kabupaten of {@code reports.regions}. */
    REGION,
    /** All reports together. */
    SEMUA
  }

  /** How serious an alert is, lowest first: a higher one escalates a lower one of the same place. */
  public enum Level {
    WASPADA, SIAGA, AWAS;

    /** As alerts store and show it: {@code siaga}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Level> of(String key) {
      return known(Level.values(), key);
    }
  }

  public WarningRule {
    categories = categories == null ? List.of() : List.copyOf(categories);
    per = per == null || per.isBlank() ? "wilayah" : per.strip();
    level = level == null || level.isBlank() ? "waspada" : level.strip();
    scope = known(Scope.values(), per);
    rank = Level.of(level);
  }

  private static <E extends Enum<E>> Optional<E> known(E[] values, String text) {
    return Arrays.stream(values).filter(v -> v.name().equalsIgnoreCase(text == null ? "" : text.strip())).findFirst();
  }

  /** A trend rule's threshold. */
  public record Trend(Double factor, Integer minReports) {}

  public boolean isTrend() {
    return trend != null;
  }

  /** The scope of a rule that passed the checks. */
  public Scope counted() {
    return scope.orElseThrow(() -> new IllegalStateException("unchecked rule scope: " + per));
  }

  /** The level of a rule that passed the checks. */
  public Level severity() {
    return rank.orElseThrow(() -> new IllegalStateException("unchecked rule level: " + level));
  }

  /** The category keys the rule counts, its group resolved against the config. */
  public List<String> categoryKeys(ReportsConfig reports) {
    if (categoryGroup == null || categoryGroup.isBlank()) {
      return categories;
    }
    return reports.categories().stream().filter(c -> categoryGroup.equalsIgnoreCase(c.group())).map(ReportsConfig.Category::key).toList();
  }
}
