package id.rakorbot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Collection;
import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** The wording of every config problem, in one place (admins read these). */
final class ConfigMessages {

  private ConfigMessages() {}

  static String syntax(JsonProcessingException e) {
    String detail = e.getOriginalMessage();
    if (detail != null && detail.startsWith("Duplicate field")) {
      return "kunci ganda: " + detail.replace("Duplicate field", "").trim()
          + " ditulis dua kali di bagian yang sama. Hapus salah satunya.";
    }
    String problem = e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null
        ? yaml.getProblem() : firstLine(detail);
    if (problem.contains("(TAB)")) {
      return "ada karakter tab. Indentasi YAML harus memakai spasi, bukan tab.";
    }
    return "penulisan YAML tidak valid (" + problem + "). Periksa indentasi (pakai spasi, bukan tab)"
        + " dan tanda ':' setelah setiap kunci.";
  }

  static String unknownKey(String key, Collection<String> known) {
    var suggestion = Suggestions.closest(key, known);
    return "kunci '" + key + "' tidak dikenal."
        + suggestion.map(s -> " Maksud Anda '" + s + "'?").orElse("")
        + " Kunci yang berlaku di sini: " + String.join(", ", known.stream().sorted().toList()) + ".";
  }

  static String wrongType(String value, String expected) {
    return "nilai '" + value + "' tidak sesuai: harus " + expected + ".";
  }

  static String missingVariable(String name) {
    return "variabel lingkungan " + name + " belum diisi. Isi dengan 'export " + name + "=...'"
        + " atau beri nilai bawaan di sini: ${" + name + ":-nilai}.";
  }

  static String required(String key, String example) {
    return "'" + key + "' wajib diisi, contoh: " + key + ": " + example;
  }

  static String badZone(String zone) {
    var suggestion = Suggestions.closest(zone, List.of("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"));
    return "zona waktu '" + zone + "' tidak dikenal."
        + suggestion.map(s -> " Maksud Anda '" + s + "'?").orElse("")
        + " Gunakan Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT).";
  }

  static String badLanguage(String language) {
    return "bahasa '" + language + "' belum tersedia. Hanya 'id' (Bahasa Indonesia) yang didukung.";
  }

  static String badApiUrl(String url) {
    return "alamat Bot API '" + url + "' tidak valid. Tulis seperti https://api.telegram.org atau"
        + " http://127.0.0.1:8081 (tanpa path).";
  }

  static String badGroupId(String id) {
    return "id grup '" + id + "' tidak valid. Pakai huruf kecil, angka, '_' atau '-', misalnya: forkopimda_malang.";
  }

  static String duplicate(String what, String value, int firstIndex) {
    return what + " '" + value + "' sudah dipakai oleh entri ke-" + (firstIndex + 1)
        + ". Setiap " + what + " harus unik.";
  }

  static String zeroChatId() {
    return "chat_id tidak boleh 0. Chat id grup Telegram berupa angka negatif, misalnya -1001234567890.";
  }

  static String badUserId(long id) {
    return "user_id " + id + " tidak valid. User id Telegram berupa angka positif; minta pejabat mengirim /start"
        + " ke bot untuk melihatnya.";
  }

  static String unknownRole(String role) {
    var suggestion = Suggestions.closest(role, Role.keys());
    return "peran '" + role + "' tidak dikenal."
        + suggestion.map(s -> " Maksud Anda '" + s + "'?").orElse("")
        + " Peran yang berlaku: " + String.join(", ", Role.keys()) + ".";
  }

  static String unknownGroup(String group, Collection<String> declared) {
    var suggestion = Suggestions.closest(group, declared);
    return "grup '" + group + "' tidak dideklarasikan di bagian groups."
        + suggestion.map(s -> " Maksud Anda '" + s + "'?").orElse("")
        + (declared.isEmpty() ? " Tambahkan grupnya di bagian groups." : " Grup yang ada: " + String.join(", ", declared) + ".");
  }

  static String badPollTimeout(int seconds) {
    return "poll_timeout_seconds " + seconds + " di luar batas. Isi antara 1 dan 50 (Telegram menunggu paling lama 50 detik).";
  }

  static String badPoolSize(int size) {
    return "max_pool_size " + size + " di luar batas. Isi antara 2 dan 100.";
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "tidak terbaca";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  static String badTimeSpan(String text) {
    return "lama waktu '" + text + "' tidak dapat dibaca. Tulis angka dengan satuan h (jam), d (hari) atau y (tahun),"
        + " misalnya 7d atau 5y.";
  }

  static String badDatabaseUrl(String detail) {
    return "alamat database tidak valid: " + detail
        + ". Contoh: postgresql://user:sandi@127.0.0.1:5432/rakorbot atau jdbc:postgresql://127.0.0.1:5432/rakorbot";
  }
}
