package id.rakorbot.telegram;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code inbox_update} and {@code inbox_set_aside} tables. */
@RegisterConstructorMapper(InboxDao.Row.class)
interface InboxDao {

  /** A stored update as text (parsed by the caller, so that an unreadable one can be set aside). */
  record Row(long updateId, String payload, int attempts) {}

  /** Stores updates; one seen before is ignored (Telegram may deliver twice). */
  @SqlUpdate("""
      INSERT INTO inbox_update (update_id, lane, payload)
      SELECT id, lane, CAST(payload AS jsonb) FROM unnest(:ids, :lanes, :payloads) AS u (id, lane, payload)
      ON CONFLICT (update_id) DO NOTHING""")
  void store(@Bind("ids") long[] ids, @Bind("lanes") short[] lanes, @Bind("payloads") String[] payloads);

  /**
   * Serialises one lane across threads and instances for the rest of the transaction (so its chats keep
   * their order); false when another holds it.
   */
  @SqlQuery("SELECT pg_try_advisory_xact_lock(1917, :lane)")
  boolean lockLane(int lane);

  @SqlQuery("""
      SELECT update_id, payload::text AS payload, attempts FROM inbox_update
      WHERE processed_at IS NULL AND lane = :lane
      ORDER BY update_id LIMIT :limit""")
  List<Row> pending(int lane, int limit);

  @SqlUpdate("UPDATE inbox_update SET processed_at = now(), attempts = attempts + 1 WHERE update_id = ANY(:ids)")
  void markProcessed(@Bind("ids") long[] ids);

  /** Records a failed attempt; returns the attempts so far. */
  @SqlQuery("""
      UPDATE inbox_update SET attempts = attempts + 1, last_error = :error
      WHERE update_id = :updateId RETURNING attempts""")
  int recordFailure(long updateId, String error);

  @SqlUpdate("UPDATE inbox_update SET processed_at = now() WHERE update_id = :updateId")
  void markSetAside(long updateId);

  @SqlUpdate("INSERT INTO inbox_set_aside (update_id, stage, payload, reason) VALUES (:updateId, :stage, :payload, :reason)")
  void setAside(Long updateId, String stage, String payload, String reason);

  /** One instance prunes at a time, for the rest of the transaction. */
  @SqlQuery("SELECT pg_try_advisory_xact_lock(1920, 0)")
  boolean lockPruning();

  /** Forgets up to {@code limit} processed updates received before {@code cutoff}; returns how many. */
  @SqlUpdate("""
      DELETE FROM inbox_update WHERE update_id IN (
          SELECT update_id FROM inbox_update WHERE received_at < :cutoff AND processed_at IS NOT NULL LIMIT :limit)""")
  int prune(java.time.Instant cutoff, int limit);

  /** Seconds the oldest unprocessed update has waited (0: none waits). */
  @SqlQuery("SELECT coalesce(extract(epoch FROM now() - min(received_at)), 0) FROM inbox_update WHERE processed_at IS NULL")
  double oldestWaitingSeconds();

  @SqlQuery("SELECT count(*) FROM inbox_set_aside")
  long setAsideCount();
}
