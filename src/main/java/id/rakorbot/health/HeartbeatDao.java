package id.rakorbot.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code bot_heartbeat} table: each instance's last beat, last poll, stopped loops and leadership session. */
interface HeartbeatDao {

  @SqlUpdate("""
      INSERT INTO bot_heartbeat (instance_id, last_poll_at, stopped_loops, leader, leader_pid, beat_at)
      VALUES (:instanceId, :polledAt, :stopped, :leader, :leaderPid, now())
      ON CONFLICT (instance_id) DO UPDATE SET last_poll_at = coalesce(:polledAt, bot_heartbeat.last_poll_at),
          stopped_loops = :stopped, leader = :leader, leader_pid = :leaderPid, beat_at = now()""")
  void beat(String instanceId, Instant polledAt, String stopped, boolean leader, Integer leaderPid);

  /** Loops reported stopped by instances that beat in the last minute, as "instance: loop, loop". */
  @SqlQuery("""
      SELECT instance_id || ': ' || stopped_loops FROM bot_heartbeat
      WHERE stopped_loops <> '' AND beat_at > now() - interval '1 minute'""")
  List<String> stoppedLoops();

  /**
   * Instances that beat in the last minute, the leader marked: the one whose recorded session still holds the
   * leadership lock in {@code pg_locks} (a killed leader's lock ends with its session, its last beat does not).
   */
  @SqlQuery("""
      SELECT instance_id || CASE WHEN holds THEN ' (pemimpin)' ELSE ' (siaga)' END FROM (
          SELECT instance_id, EXISTS (
              SELECT 1 FROM pg_locks l
              WHERE l.locktype = 'advisory' AND l.granted AND l.classid = :lockClass AND l.objsubid = 2
                AND l.objid = CAST(hashtext(current_schema()) AS oid) AND l.pid = b.leader_pid) AS holds
          FROM bot_heartbeat b WHERE beat_at > now() - interval '1 minute') AS beating
      ORDER BY holds DESC, instance_id""")
  List<String> instances(int lockClass);

  @SqlQuery("SELECT max(last_poll_at) FROM bot_heartbeat")
  Optional<Instant> lastPoll();
}
