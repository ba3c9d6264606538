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
  public record Session(long userId, boolean kiosk) {}

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
    dao(handle).forgetSessions(dayAgo);
    dao(handle).forgetLinks(dayAgo);
  }

  private static String newLink(Handle handle, long userId, String kind, Instant now, Instant expires) {
    String token = Tokens.fresh();
    dao(handle).newLink(Tokens.hash(token), userId, kind, now, expires);
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
    AccessDao dao = dao(handle);
    Optional<Link> login = dao.spendLogin(linkHash, now).map(held -> new Link(held.userId(), now.plus(loginSession), false));
    Optional<Link> link = login.isPresent() ? login : dao.liveKiosk(linkHash, now).map(held -> new Link(held.userId(), held.expiresAt(), true));
    return link.filter(l -> allowed.test(l.userId(), l.kiosk())).map(l -> {
      String session = Tokens.fresh();
      dao.openSession(Tokens.hash(session), l.userId(), l.kiosk(), l.kiosk() ? linkHash : null, now, l.expires());
      return new Opened(session, new Session(l.userId(), l.kiosk()), Duration.between(now, l.expires()));
    });
  }

  private record Link(long userId, Instant expires, boolean kiosk) {}

  static Optional<Session> session(Handle handle, String token, Instant now) {
    if (!Tokens.wellFormed(token)) {
      return Optional.empty();
    }
    return dao(handle).session(Tokens.hash(token), now);
  }

  static void endSession(Handle handle, String token) {
    if (Tokens.wellFormed(token)) {
      dao(handle).endSession(Tokens.hash(token));
    }
  }

  /** Ends a person's own sessions and unused login links (not the wall screens they set up); how many sessions ended. */
  static int endSessionsOf(Handle handle, long userId, Instant now) {
    dao(handle).revokeUnusedLogins(userId, now);
    return dao(handle).endOwnSessions(userId);
  }

  /** Ends everything of someone who may no longer see the dashboard: sessions, links, and their wall screens. */
  static int endEverythingOf(Handle handle, long userId, Instant now) {
    dao(handle).revokeLinksOf(userId, now);
    return dao(handle).endSessionsOf(userId);
  }

  /** Ends the wall screens someone set up (an admin no longer: their own login may still be a pimpinan's). */
  static void endKiosksOf(Handle handle, long userId, Instant now) {
    dao(handle).revokeKiosksOf(userId, now);
    dao(handle).endKioskSessionsOf(userId);
  }

  /** Revokes every kiosk link and ends every wall screen's session; how many links were revoked. */
  static int revokeKiosks(Handle handle, Instant now) {
    dao(handle).endKioskSessions();
    return dao(handle).revokeKiosks(now);
  }

  /** Who holds a session or a live link: the people to check again when the roster changes. */
  static java.util.List<Long> holders(Handle handle, Instant now) {
    return dao(handle).holders(now);
  }

  private static AccessDao dao(Handle handle) {
    return handle.attach(AccessDao.class);
  }
}
