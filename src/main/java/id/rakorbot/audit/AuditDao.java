package id.rakorbot.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code audit_log} and {@code audit_person} tables. */
@RegisterConstructorMapper(AuditRow.class)
interface AuditDao {

  /** The person's row, made (or renamed to their current name) on first mention. */
  @SqlQuery("""
      INSERT INTO audit_person (user_id, name) VALUES (:userId, :name)
      ON CONFLICT (user_id) DO UPDATE SET name = EXCLUDED.name
      RETURNING ref""")
  long personRef(long userId, String name);

  @SqlQuery("INSERT INTO audit_person (user_id, name) VALUES (NULL, :name) RETURNING ref")
  long anonymousRef(String name);

  @SqlUpdate("""
      INSERT INTO audit_log (at, source, origin, actor_ref, action, subject, subject_ref, details)
      VALUES (:at, :source, :origin, :actor, :action, :subject, :subjectRef, :details)""")
  void insert(Instant at, String source, String origin, Long actor, String action, String subject, Long subjectRef, String details);

  /** Blanks a person: their rows stay, naming no one. */
  @SqlUpdate("UPDATE audit_person SET user_id = NULL, name = '[dihapus]' WHERE user_id = :userId")
  int forget(long userId);

  /** Newest first; an empty {@code action} or {@code actor} filters nothing. */
  @SqlQuery("""
      SELECT l.id, l.at, l.source, l.origin, a.user_id AS actor_id, coalesce(a.name, '') AS actor_name, l.action,
             l.subject, coalesce(s.name, '') AS subject_name, l.details
      FROM audit_log l
      LEFT JOIN audit_person a ON a.ref = l.actor_ref
      LEFT JOIN audit_person s ON s.ref = l.subject_ref
      WHERE l.at >= :from AND l.at < :to
        AND (:action = '' OR l.action = :action OR l.action LIKE :action || '.%')
        AND (:actor = '' OR a.name ILIKE '%' || :actor || '%' OR a.user_id::text = :actor)
      ORDER BY l.at DESC, l.id DESC
      LIMIT :limit""")
  List<AuditRow> find(Instant from, Instant to, String action, String actor, int limit);

  @SqlQuery("SELECT min(at) FROM audit_log")
  Optional<Instant> oldest();
}
