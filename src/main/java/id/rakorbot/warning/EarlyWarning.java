package id.rakorbot.warning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A raised alert: its number, rule, level, where, the reports behind it, and whether it is still open. */
public record EarlyWarning(long id, String number, String ruleId, String ruleName, String level, String scope, List<String> reports,
    Instant firedAt, String status) {

  /**
   * Whether a forum of one region (its name and areas) should see this alert: one about an area or a region is
   * seen by that region only; one about everything or a category's trend by every forum. A forum that sees all
   * areas ({@code areas} empty) sees every alert.
   */
  public boolean seenBy(Optional<String> region, List<String> areas) {
    if (areas.isEmpty()) {
      return true;
    }
    if (scope.startsWith("wilayah:")) {
      String area = scope.substring("wilayah:".length());
      return areas.stream().anyMatch(area::equalsIgnoreCase);
    }
    if (scope.startsWith("region:")) {
      return region.filter(scope.substring("region:".length())::equalsIgnoreCase).isPresent();
    }
    return true;
  }

  /** "Klojen", "seluruh wilayah", "kategori narkoba": the scope as people read it. */
  public String where() {
    if (scope.startsWith("wilayah:")) {
      return scope.substring("wilayah:".length());
    }
    if (scope.startsWith("region:")) {
      return scope.substring("region:".length());
    }
    if (scope.startsWith("kategori:")) {
      return "kategori " + scope.substring("kategori:".length());
    }
    return "seluruh wilayah";
  }
}
