package id.rakorbot.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Links and sessions in PostgreSQL, so that any instance serves any session. A login link is used once and
 * lasts ten minutes; a kiosk link lasts long and may be used again (a wall screen restarts) until revoked.
 */
final class Access {

  static final Duration LOGIN_LINK_LIFETIME = Duration.ofMinutes(10);

  /** A session as a request finds it: whose, and whether it is a wall screen's. */
  record Session(long userId, boolean kiosk) {}

  /** A session just opened: the cookie's value and how long it lasts. */
  record Opened(String token, Session session, Duration lifetime) {}

  private Access() {}

  static String newLoginLink(Handle handle, long userId, Instant now) {
    forgetExpired(handle, now);
    return newLink(handle, userId, "login", now, now.plus(LOGIN_LINK_LIFETIME));
  }

  static String newKioskLink(Handle handle, long userId, Instant now, Duration lifetime) {
    return newLink(handle, userId, "kiosk", now, now.plus(lifetime));
  }

  /** Rows that can never open anything again, a day after (a kiosk link's sessions go with it). */
  private static void forgetExpired(Handle handle, Instant now) {
    Instant dayAgo = now.minus(Duration.ofDays(1));
    handle.createUpdate("DELETE FROM dashboard_session WHERE expires_at < :before").bind("before", dayAgo).execute();
    handle.createUpdate("DELETE FROM dashboard_link WHERE expires_at < :before OR revoked_at < :before").bind("before", dayAgo).execute();
  }

  private static String newLink(Handle handle, long userId, String kind, Instant now, Instant expires) {
    String token = Tokens.fresh();
    handle.createUpdate("""
            INSERT INTO dashboard_link (token_hash, user_id, kind, created_at, expires_at)
            VALUES (:hash, :user, :kind, :now, :expires)""")
        .bind("hash", Tokens.hash(token)).bind("user", userId).bind("kind", kind).bind("now", now).bind("expires", expires)
        .execute();
    return token;
  }

  /**
   * Opens a session with a link: a login link only if unused and unexpired (marked used in the same statement,
   * so two instances cannot both accept it); a kiosk link while unexpired and not revoked.
   */
  static Optional<Opened> redeem(Handle handle, String token, Instant now, Duration loginSession,
      java.util.function.BiPredicate<Long, Boolean> allowed) {
    if (!Tokens.wellFormed(token)) {
      return Optional.empty();
    }
    byte[] linkHash = Tokens.hash(token);
    Optional<Link> login = handle.createQuery("""
            UPDATE dashboard_link SET used_at = :now
            WHERE token_hash = :hash AND kind = 'login' AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now
            RETURNING user_id, expires_at""")
        .bind("hash", linkHash).bind("now", now)
        .map((rs, ctx) -> new Link(rs.getLong("user_id"), now.plus(loginSession), false))
        .findOne();
    Optional<Link> link = login.isPresent() ? login : handle.createQuery("""
            SELECT user_id, expires_at FROM dashboard_link
            WHERE token_hash = :hash AND kind = 'kiosk' AND revoked_at IS NULL AND expires_at > :now""")
        .bind("hash", linkHash).bind("now", now)
        .map((rs, ctx) -> new Link(rs.getLong("user_id"), rs.getObject("expires_at", java.time.OffsetDateTime.class).toInstant(), true))
        .findOne();
    return link.filter(l -> allowed.test(l.userId(), l.kiosk())).map(l -> {
      String session = Tokens.fresh();
      handle.createUpdate("""
              INSERT INTO dashboard_session (id_hash, user_id, kiosk, link_hash, created_at, expires_at)
              VALUES (:hash, :user, :kiosk, :link, :now, :expires)""")
          .bind("hash", Tokens.hash(session)).bind("user", l.userId()).bind("kiosk", l.kiosk())
          .bind("link", l.kiosk() ? linkHash : null).bind("now", now).bind("expires", l.expires())
          .execute();
      return new Opened(session, new Session(l.userId(), l.kiosk()), Duration.between(now, l.expires()));
    });
  }

  private record Link(long userId, Instant expires, boolean kiosk) {}

  static Optional<Session> session(Handle handle, String token, Instant now) {
    if (!Tokens.wellFormed(token)) {
      return Optional.empty();
    }
    return handle.createQuery("SELECT user_id, kiosk FROM dashboard_session WHERE id_hash = :hash AND expires_at > :now")
        .bind("hash", Tokens.hash(token)).bind("now", now)
        .map((rs, ctx) -> new Session(rs.getLong("user_id"), rs.getBoolean("kiosk")))
        .findOne();
  }

  static void endSession(Handle handle, String token) {
    if (Tokens.wellFormed(token)) {
      handle.createUpdate("DELETE FROM dashboard_session WHERE id_hash = :hash").bind("hash", Tokens.hash(token)).execute();
    }
  }

  /** Ends a person's own sessions and unused login links (not the wall screens they set up); how many sessions ended. */
  static int endSessionsOf(Handle handle, long userId, Instant now) {
    handle.createUpdate("UPDATE dashboard_link SET revoked_at = :now WHERE user_id = :user AND kind = 'login' AND used_at IS NULL AND revoked_at IS NULL")
        .bind("user", userId).bind("now", now).execute();
    return handle.createUpdate("DELETE FROM dashboard_session WHERE user_id = :user AND NOT kiosk").bind("user", userId).execute();
  }

  /** Ends everything of someone who may no longer see the dashboard: sessions, links, and their wall screens. */
  static int endEverythingOf(Handle handle, long userId, Instant now) {
    handle.createUpdate("UPDATE dashboard_link SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
        .bind("user", userId).bind("now", now).execute();
    return handle.createUpdate("DELETE FROM dashboard_session WHERE user_id = :user").bind("user", userId).execute();
  }

  /** Ends the wall screens someone set up (an admin no longer: their own login may still be a pimpinan's). */
  static void endKiosksOf(Handle handle, long userId, Instant now) {
    handle.createUpdate("UPDATE dashboard_link SET revoked_at = :now WHERE user_id = :user AND kind = 'kiosk' AND revoked_at IS NULL")
        .bind("user", userId).bind("now", now).execute();
    handle.createUpdate("DELETE FROM dashboard_session WHERE user_id = :user AND kiosk").bind("user", userId).execute();
  }

  /** Revokes every kiosk link and ends every wall screen's session; how many links were revoked. */
  static int revokeKiosks(Handle handle, Instant now) {
    handle.execute("DELETE FROM dashboard_session WHERE kiosk");
    return handle.createUpdate("UPDATE dashboard_link SET revoked_at = :now WHERE kind = 'kiosk' AND revoked_at IS NULL AND expires_at > :now")
        .bind("now", now).execute();
  }

  /** Who holds a session or a live link: the people to check again when the roster changes. */
  static java.util.List<Long> holders(Handle handle, Instant now) {
    return handle.createQuery("""
            SELECT user_id FROM dashboard_session WHERE expires_at > :now
            UNION SELECT user_id FROM dashboard_link WHERE revoked_at IS NULL AND expires_at > :now""")
        .bind("now", now).mapTo(Long.class).list();
  }
}
