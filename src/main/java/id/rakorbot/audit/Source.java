package id.rakorbot.audit;

import java.util.Locale;

/** Where an audited action came from. */
public enum Source {
  CHAT, DASHBOARD, CLI, SYSTEM;

  String column() {
    return name().toLowerCase(Locale.ROOT);
  }
}
