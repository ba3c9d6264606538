package id.rakorbot.config;

import java.util.Optional;

/**
 * Indonesian mobile numbers as people write them (0812-3456-789, +62 812 3456 789, 62812...), reduced to one
 * form, +62812..., so that a roster row and a contact shared in Telegram (which may omit the +) compare equal.
 */
public final class PhoneNumbers {

  private PhoneNumbers() {}

  /** The number as +62..., if it can be an Indonesian mobile number (08xx: 10 to 13 digits in all). */
  public static Optional<String> normalise(String written) {
    if (written == null) {
      return Optional.empty();
    }
    String digits = written.replaceAll("[\\s.\\-()]", "");
    if (digits.startsWith("+")) {
      digits = digits.substring(1);
    } else if (digits.startsWith("0")) {
      digits = "62" + digits.substring(1);
    } else if (digits.matches("8\\d{8,11}")) {
      digits = "62" + digits; // 0812... that a spreadsheet kept as the number 812...
    }
    if (!digits.matches("628\\d{8,11}")) {
      return Optional.empty();
    }
    return Optional.of("+" + digits);
  }

  /** A number for an admin's screen with the middle hidden: +62812****789. */
  public static String masked(String normalised) {
    if (normalised.length() < 8) {
      return normalised;
    }
    return normalised.substring(0, 6) + "*".repeat(normalised.length() - 9) + normalised.substring(normalised.length() - 3);
  }
}
