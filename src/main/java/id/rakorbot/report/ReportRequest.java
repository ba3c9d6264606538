package id.rakorbot.report;

import id.rakorbot.config.ReportsConfig.Category;
import id.rakorbot.config.Suggestions;
import id.rakorbot.error.UserMistake;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line form {@code /lapor <kategori> [tingkat] <uraian> [#wilayah]}, read and checked; every
 * mistake says how to write it right.
 */
record ReportRequest(Category category, Severity severity, Optional<String> area, String description) {

  static final int MAX_DESCRIPTION = 2_000;
  private static final Pattern AREA_TAG = Pattern.compile("#([\\p{L}\\d_-]+)");

  static ReportRequest parse(String arguments, Categories categories, List<String> areas) {
    String[] words = arguments.strip().split("\\s+", 2);
    Category category = categories.find(words[0]).orElseThrow(() -> new UserMistake(ReportTexts.unknownCategory(words[0], categories)));
    String rest = words.length > 1 ? words[1] : "";
    Severity severity = Severity.NORMAL;
    String[] next = rest.split("\\s+", 2);
    Optional<Severity> stated = next[0].isEmpty() ? Optional.empty() : Severity.of(next[0]);
    if (stated.isPresent()) {
      severity = stated.get();
      rest = next.length > 1 ? next[1] : "";
    }
    Optional<String> area = Optional.empty();
    Matcher tag = AREA_TAG.matcher(rest);
    if (tag.find()) {
      area = Optional.of(area(tag.group(1), areas));
      rest = (rest.substring(0, tag.start()) + rest.substring(tag.end())).strip().replaceAll("\\s{2,}", " ");
    }
    String description = rest.strip();
    if (description.isEmpty()) {
      throw new UserMistake(ReportTexts.descriptionMissing(category));
    }
    if (description.length() > MAX_DESCRIPTION) {
      throw new UserMistake(ReportTexts.tooLong(description.length()));
    }
    return new ReportRequest(category, severity, area, description);
  }

  /** The configured area a {@code #tag} names ("#kota_lama" for "Kota Lama"). */
  static String area(String tag, List<String> areas) {
    String wanted = normal(tag);
    return areas.stream().filter(a -> normal(a).equals(wanted)).findFirst()
        .orElseThrow(() -> new UserMistake(ReportTexts.unknownArea(tag,
            Suggestions.closest(wanted, areas.stream().map(ReportRequest::normal).toList())
                .flatMap(s -> areas.stream().filter(a -> normal(a).equals(s)).findFirst()))));
  }

  private static String normal(String area) {
    return area.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
  }
}
