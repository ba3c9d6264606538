package id.rakorbot.privacy;

import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What the daily retention sweep deletes and blanks; each statement is one kind of data past its age. */
interface RetentionDao {

  /**
   * Claims {@code day}; false when it was swept already (by this instance before a restart, or by another). A second
   * instance claiming the same day waits here for the first one's transaction, then finds the day taken: no
   * advisory lock is needed, and deployments in other schemas of the same database do not wait on each other.
   */
  @SqlUpdate("INSERT INTO retention_run (day, ran_at) VALUES (:day, :now) ON CONFLICT (day) DO NOTHING")
  boolean claim(LocalDate day, Instant now);

  @SqlUpdate("UPDATE retention_run SET summary = :summary WHERE day = :day")
  void summarise(LocalDate day, String summary);

  /**
   * Sent and given-up messages past their age; not the message of a tally still live (its meeting has not
   * passed) nor that of an alert still open, which are edited later.
   */
  @SqlUpdate("""
      DELETE FROM outbox_message o
      WHERE o.status <> 'pending' AND o.created_at < :cutoff
        AND NOT EXISTS (SELECT 1 FROM rsvp_message m WHERE m.outbox_id = o.id AND m.live)
        AND NOT EXISTS (SELECT 1 FROM alert_message m JOIN alert a ON a.id = m.alert_id WHERE m.outbox_id = o.id AND a.done_at IS NULL)""")
  int pruneMessages(Instant cutoff);

  /** The alert bookkeeping of messages that are gone (these tables name outbox ids without a foreign key). */
  @SqlUpdate("""
      WITH gone_messages AS (DELETE FROM alert_message m WHERE NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.id = m.outbox_id))
      DELETE FROM alert_question q WHERE NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.id = q.outbox_id)""")
  int pruneAlertBookkeeping();

  @SqlUpdate("DELETE FROM inbox_set_aside WHERE set_aside_at < :cutoff")
  int pruneSetAside(Instant cutoff);

  @SqlUpdate("UPDATE follow_up_note SET photo_file_id = NULL WHERE photo_file_id IS NOT NULL AND noted_at < :cutoff")
  int dropEvidencePhotos(Instant cutoff);

  @SqlUpdate("DELETE FROM follow_up_photo p USING follow_up_note n WHERE n.id = p.note_id AND n.noted_at < :cutoff")
  int dropFormEvidencePhotos(Instant cutoff);

  @SqlUpdate("DELETE FROM dashboard_session WHERE expires_at < :cutoff")
  int pruneSessions(Instant cutoff);

  @SqlUpdate("DELETE FROM dashboard_link l WHERE coalesce(l.revoked_at, l.expires_at) < :cutoff "
      + "AND NOT EXISTS (SELECT 1 FROM dashboard_session s WHERE s.link_hash = l.token_hash)")
  int pruneLinks(Instant cutoff);

  @SqlUpdate("DELETE FROM roster_invite WHERE expires_at < :cutoff")
  int pruneInvites(Instant cutoff);

  @SqlUpdate("DELETE FROM erasure_request WHERE created_at < :cutoff")
  int pruneErasureRequests(Instant cutoff);

  /** The trigger on audit_log lets this through only with the setting, and never for a row younger than a year. */
  @SqlQuery("SELECT set_config('rakorbot.audit_purge', 'on', true)")
  String allowAuditPurge();

  @SqlUpdate("DELETE FROM audit_log WHERE at < :cutoff")
  int pruneAudit(Instant cutoff);

  @SqlQuery("SELECT set_config('rakorbot.audit_purge', 'off', true)")
  String endAuditPurge();
}
