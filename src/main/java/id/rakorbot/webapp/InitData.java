package id.rakorbot.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code initData} Telegram gives a Mini App, checked as Telegram specifies: every field but {@code hash}, sorted,
 * {@code key=value} lines joined by a line feed, signed with HMAC-SHA256 under the key HMAC-SHA256("WebAppData", bot
 * token); and not older than {@link #MAX_AGE}. Nothing the page says about its user is trusted otherwise.
 */
public final class InitData {

  /** Telegram's own example keeps initData a day; an older one is refused. */
  public static final Duration MAX_AGE = Duration.ofHours(24);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Who opened the app, as Telegram signed it. */
  public record User(long id, String firstName, String lastName, String username) {}

  /** Why a check failed, in words the page can show. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message);
    }
  }

  private InitData() {}

  /** The signed user of {@code raw}, or why it is refused: missing, forged, without a user, or older than a day. */
  public static User verify(String raw, String botToken, Instant now) throws Refused {
    if (raw == null || raw.isBlank()) {
      throw new Refused("Data Telegram tidak ada. Buka formulir dari tombol di chat bot.");
    }
    Map<String, String> fields = new TreeMap<>();
    for (String pair : raw.strip().split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv.length == 2) {
        fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    String hash = fields.remove("hash");
    if (hash == null || !MessageDigest.isEqual(hash.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
        sign(fields, botToken).getBytes(StandardCharsets.US_ASCII))) {
      throw new Refused("Tanda tangan data Telegram tidak cocok. Tutup formulir dan buka lagi dari chat bot.");
    }
    Instant authDate = Optional.ofNullable(fields.get("auth_date")).filter(s -> s.matches("\\d{1,12}"))
        .map(s -> Instant.ofEpochSecond(Long.parseLong(s))).orElseThrow(() -> new Refused("Data Telegram tanpa waktu."));
    if (authDate.isBefore(now.minus(MAX_AGE))) {
      throw new Refused("Formulir ini dibuka lebih dari 24 jam lalu. Tutup dan buka lagi dari chat bot.");
    }
    try {
      JsonNode user = JSON.readTree(Optional.ofNullable(fields.get("user")).orElseThrow(() -> new Refused("Data Telegram tanpa pengguna.")));
      if (!user.path("id").canConvertToLong()) {
        throw new Refused("Data Telegram tanpa pengguna.");
      }
      return new User(user.path("id").asLong(), user.path("first_name").asText(""), user.path("last_name").asText(""),
          user.path("username").asText(""));
    } catch (IOException e) {
      throw new Refused("Data Telegram tidak dapat dibaca.");
    }
  }

  /** The hex signature of {@code fields} (without {@code hash}); what Telegram computes, and what tests sign with. */
  public static String sign(Map<String, String> fields, String botToken) {
    StringBuilder check = new StringBuilder();
    new TreeMap<>(fields).forEach((k, v) -> check.append(check.isEmpty() ? "" : "\n").append(k).append('=').append(v));
    byte[] secret = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hmac(secret, check.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
