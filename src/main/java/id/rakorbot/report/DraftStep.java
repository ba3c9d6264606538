package id.rakorbot.report;

import java.util.Locale;

/** Where a guided report stands; stored by name, in lower case, in {@code report_draft.step}. */
enum DraftStep {
  CATEGORY, SEVERITY, DESCRIPTION, EXTRAS;

  /** As the table keeps it. */
  String stored() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DraftStep stored(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
