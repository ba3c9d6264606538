package id.rakorbot.warning;

import java.time.Instant;
import java.util.List;

/** A raised alert: its number, rule, level, where, the reports behind it, and whether it is still open. */
public record EarlyWarning(long id, String number, String ruleId, String ruleName, String level, String scope, List<String> reports,
    Instant firedAt, String status) {

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
