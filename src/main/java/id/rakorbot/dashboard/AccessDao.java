package id.rakorbot.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code dashboard_link} and {@code dashboard_session} tables; tokens only as their hashes. */
@RegisterConstructorMapper(AccessDao.Held.class)
@RegisterConstructorMapper(Access.Session.class)
interface AccessDao {

  /** Whose a link is and until when. */
  record Held(long userId, Instant expiresAt) {}

  @SqlUpdate("DELETE FROM dashboard_session WHERE expires_at < :before")
  void forgetSessions(Instant before);

  @SqlUpdate("DELETE FROM dashboard_link WHERE expires_at < :before OR revoked_at < :before")
  void forgetLinks(Instant before);

  @SqlUpdate("""
      INSERT INTO dashboard_link (token_hash, user_id, kind, created_at, expires_at)
      VALUES (:hash, :userId, :kind, :now, :expires)""")
  void newLink(byte[] hash, long userId, String kind, Instant now, Instant expires);

  /** Spends a login link: unused, unexpired, not revoked; marked used in the same statement, so only once. */
  @SqlQuery("""
      UPDATE dashboard_link SET used_at = :now
      WHERE token_hash = :hash AND kind = 'login' AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now
      RETURNING user_id, expires_at""")
  Optional<Held> spendLogin(byte[] hash, Instant now);

  @SqlQuery("""
      SELECT user_id, expires_at FROM dashboard_link
      WHERE token_hash = :hash AND kind = 'kiosk' AND revoked_at IS NULL AND expires_at > :now""")
  Optional<Held> liveKiosk(byte[] hash, Instant now);

  @SqlUpdate("""
      INSERT INTO dashboard_session (id_hash, user_id, kiosk, link_hash, created_at, expires_at)
      VALUES (:hash, :userId, :kiosk, :linkHash, :now, :expires)""")
  void openSession(byte[] hash, long userId, boolean kiosk, byte[] linkHash, Instant now, Instant expires);

  @SqlQuery("SELECT user_id, kiosk FROM dashboard_session WHERE id_hash = :hash AND expires_at > :now")
  Optional<Access.Session> session(byte[] hash, Instant now);

  @SqlUpdate("DELETE FROM dashboard_session WHERE id_hash = :hash")
  void endSession(byte[] hash);

  @SqlUpdate("""
      UPDATE dashboard_link SET revoked_at = :now
      WHERE user_id = :userId AND kind = 'login' AND used_at IS NULL AND revoked_at IS NULL""")
  void revokeUnusedLogins(long userId, Instant now);

  @SqlUpdate("UPDATE dashboard_link SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL")
  void revokeLinksOf(long userId, Instant now);

  @SqlUpdate("UPDATE dashboard_link SET revoked_at = :now WHERE user_id = :userId AND kind = 'kiosk' AND revoked_at IS NULL")
  void revokeKiosksOf(long userId, Instant now);

  @SqlUpdate("UPDATE dashboard_link SET revoked_at = :now WHERE kind = 'kiosk' AND revoked_at IS NULL AND expires_at > :now")
  int revokeKiosks(Instant now);

  @SqlUpdate("DELETE FROM dashboard_session WHERE user_id = :userId AND NOT kiosk")
  int endOwnSessions(long userId);

  @SqlUpdate("DELETE FROM dashboard_session WHERE user_id = :userId")
  int endSessionsOf(long userId);

  @SqlUpdate("DELETE FROM dashboard_session WHERE user_id = :userId AND kiosk")
  void endKioskSessionsOf(long userId);

  @SqlUpdate("DELETE FROM dashboard_session WHERE kiosk")
  void endKioskSessions();

  /** Who holds a session or a live link. */
  @SqlQuery("""
      SELECT user_id FROM dashboard_session WHERE expires_at > :now
      UNION SELECT user_id FROM dashboard_link WHERE revoked_at IS NULL AND expires_at > :now""")
  List<Long> holders(Instant now);
}
