package id.rakorbot.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How serious a report is (tingkat), in the police's four levels. */
public enum Severity {
  NORMAL("Normal", "⚪"),
  WASPADA("Waspada", "🟡"),
  SIAGA("Siaga", "🟠"),
  AWAS("Awas", "🔴");

  private final String label;
  private final String icon;

  Severity(String label, String icon) {
    this.label = label;
    this.icon = icon;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public String icon() {
    return icon;
  }

  /** Siaga and awas go to the alert groups at once. */
  public boolean alarming() {
    return this == SIAGA || this == AWAS;
  }

  static Optional<Severity> of(String word) {
    return Arrays.stream(values()).filter(s -> s.key().equals(word.toLowerCase(Locale.ROOT))).findFirst();
  }

}
