package id.rakorbot.rsvp;

import java.util.Arrays;
import java.util.Optional;

/** The four answers to "are you coming?". */
public enum Answer {
  HADIR("h", "hadir", "Hadir", "✅"),
  DARING("d", "daring", "Daring", "💻"),
  DIWAKILKAN("w", "diwakilkan", "Diwakilkan", "👥"),
  BERHALANGAN("b", "berhalangan", "Berhalangan", "❌");

  private final String code;
  private final String key;
  private final String label;
  private final String icon;

  Answer(String code, String key, String label, String icon) {
    this.code = code;
    this.key = key;
    this.label = label;
    this.icon = icon;
  }

  /** The button's colour (Bot API 9.4's {@code style}): Hadir {@code success}, Berhalangan {@code danger}. */
  public java.util.Optional<String> style() {
    return switch (this) {
      case HADIR -> java.util.Optional.of("success");
      case BERHALANGAN -> java.util.Optional.of("danger");
      default -> java.util.Optional.empty();
    };
  }

  /** One letter, for button data. */
  public String code() {
    return code;
  }

  /** As stored in the database. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public String icon() {
    return icon;
  }

  static Optional<Answer> byCode(String code) {
    return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
  }

  static Answer byKey(String key) {
    return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst().orElseThrow();
  }
}
