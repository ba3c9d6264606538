package id.rakorbot.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Secret feed addresses: the token is shown once; only its hash is kept, and revoking it makes the feed 404. */
final class Subscriptions {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Whose feed a token opens: a person's (their forums), or a group's (for an admin). */
  record Subscription(long userId, Optional<String> groupId) {}

  private Subscriptions() {}

  static String create(Handle handle, long userId, Optional<String> groupId, Instant now) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    handle.createUpdate("INSERT INTO calendar_subscription (token_hash, user_id, group_id, created_at) VALUES (:hash, :user, :group, :now)")
        .bind("hash", hash(token)).bind("user", userId).bind("group", groupId.orElse(null)).bind("now", now).execute();
    return token;
  }

  static Optional<Subscription> find(Handle handle, String token) {
    if (!token.matches("[A-Za-z0-9_-]{20,64}")) {
      return Optional.empty();
    }
    return handle.createQuery("SELECT user_id, group_id FROM calendar_subscription WHERE token_hash = :hash AND revoked_at IS NULL")
        .bind("hash", hash(token)).map((rs, ctx) -> new Subscription(rs.getLong("user_id"), Optional.ofNullable(rs.getString("group_id"))))
        .findOne();
  }

  /** Revokes every feed of the person; how many. */
  static int revokeAll(Handle handle, long userId, Instant now) {
    return handle.createUpdate("UPDATE calendar_subscription SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
        .bind("user", userId).bind("now", now).execute();
  }

  private static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
