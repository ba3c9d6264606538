package id.rakorbot.roster;

import id.rakorbot.config.Official;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** A short stand-in for a person's key in button data (64 bytes at most, and no phone number in it). */
final class PersonKeys {

  private PersonKeys() {}

  static String shortOf(Official person) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(person.key().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Optional<Official> find(List<Official> people, String shortKey) {
    return people.stream().filter(p -> shortOf(p).equals(shortKey)).findFirst();
  }
}
