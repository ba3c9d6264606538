package id.rakorbot.roster;

import id.rakorbot.config.Official;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Personal invite links, {@code https://t.me/<bot>?start=i<token>}: one per person, used once, for 14 days. Only
 * the token's SHA-256 is stored, so a copy of the database opens no account.
 */
final class Invites {

  static final Duration VALID = Duration.ofDays(14);
  /** The start parameter of an invite begins with this (other /start links carry other payloads). */
  static final String PAYLOAD_PREFIX = "i";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** What opening a link found. */
  sealed interface Opened {
    record Valid(String personKey) implements Opened {}

    record Used(boolean byThisAccount) implements Opened {}

    record Expired() implements Opened {}

    record Unknown() implements Opened {}
  }

  private Invites() {}

  /** A new link's start payload for {@code person}, stored hashed. */
  static String create(Handle handle, Official person, Instant now) {
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random); // 32 characters of A-Z a-z 0-9 - _
    handle.attach(BindingDao.class).invite(hash(token), person.key(), now, now.plus(VALID));
    return PAYLOAD_PREFIX + token;
  }

  static String link(String botUsername, String payload) {
    return "https://t.me/" + botUsername + "?start=" + payload;
  }

  /** Opens the link of {@code payload} for {@code userId}: a valid one is marked used in the same transaction. */
  static Opened open(Handle handle, String payload, long userId, Instant now) {
    BindingDao dao = handle.attach(BindingDao.class);
    byte[] hash = hash(payload.substring(PAYLOAD_PREFIX.length()));
    Optional<BindingDao.Invite> invite = dao.invite(hash);
    if (invite.isEmpty()) {
      return new Opened.Unknown();
    }
    if (invite.get().usedAt() != null) {
      return new Opened.Used(invite.get().usedBy() != null && invite.get().usedBy() == userId);
    }
    if (!now.isBefore(invite.get().expiresAt())) {
      return new Opened.Expired();
    }
    dao.used(hash, userId, now);
    return new Opened.Valid(invite.get().personKey());
  }

  static boolean isInvite(String payload) {
    return payload.startsWith(PAYLOAD_PREFIX) && payload.length() == PAYLOAD_PREFIX.length() + 32;
  }

  private static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
