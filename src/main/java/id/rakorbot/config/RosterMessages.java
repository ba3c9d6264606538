package id.rakorbot.config;

import java.util.Collection;

/** What the admin reads about a roster row, in Indonesian, with a suggestion where one is likely. */
final class RosterMessages {

  private RosterMessages() {}

  static String badPhone(String written) {
    return "nomor HP '" + written + "' tidak mungkin. Tulis nomor seluler Indonesia, misalnya 0812 3456 7890 atau +62 812 3456 7890.";
  }

  static String unknown(String what, String value, Collection<String> known) {
    return what + " '" + value + "' tidak dikenal."
        + Suggestions.closest(value, known).map(s -> " Maksud Anda '" + s + "'?").orElse("")
        + (known.size() <= 12 ? " Pilihan: " + String.join(", ", known) + "." : "");
  }

  static String duplicate(String what, int firstRow) {
    return what + " ini sudah dipakai di baris " + firstRow + ". Satu " + what + " untuk satu orang.";
  }
}
