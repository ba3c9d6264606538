package id.rakorbot.response;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The alert tables: the alerts, the ladder's steps, the messages with buttons, who was told, and every press. */
@RegisterConstructorMapper(Alert.class)
interface AlertDao {

  String COLUMNS = """
      id, subject, kind, severity, area, summary, base_html, reporter_id, groups, raised_at, ack_due_at, level_reached,
      next_step_at, handler_id, handler_name, acked_at, done_by, done_at, outcome""";

  @SqlQuery("""
      INSERT INTO alert (subject, kind, severity, area, summary, base_html, reporter_id, groups, raised_at, ack_due_at, next_step_at)
      VALUES (:subject, :kind, :severity, :area, :summary, :baseHtml, :reporterId, :groups, :raisedAt, :ackDueAt, :nextStepAt)
      ON CONFLICT (subject) DO NOTHING
      RETURNING\s""" + COLUMNS)
  Optional<Alert> insert(String subject, String kind, String severity, String area, String summary, String baseHtml,
      Long reporterId, String[] groups, Instant raisedAt, Instant ackDueAt, Instant nextStepAt);

  @SqlQuery("SELECT " + COLUMNS + " FROM alert WHERE id = :id")
  Optional<Alert> byId(long id);

  @SqlQuery("SELECT " + COLUMNS + " FROM alert WHERE id = :id FOR UPDATE")
  Optional<Alert> lock(long id);

  @SqlQuery("SELECT " + COLUMNS + " FROM alert WHERE subject = ANY(:subjects)")
  List<Alert> bySubjects(String[] subjects);

  /** Alerts whose next level is due, oldest first, each locked for this sweep (another instance skips them). */
  @SqlQuery("SELECT " + COLUMNS + " FROM alert WHERE next_step_at <= :now ORDER BY next_step_at LIMIT :limit FOR UPDATE SKIP LOCKED")
  List<Alert> due(Instant now, int limit);

  /** Claims level {@code level} of an alert; false when it was reached before (by any instance). */
  @SqlUpdate("INSERT INTO alert_step (alert_id, level, reached_at) VALUES (:id, :level, :at) ON CONFLICT DO NOTHING")
  boolean claimStep(long id, int level, Instant at);

  @SqlUpdate("UPDATE alert SET level_reached = :level, next_step_at = :next, groups = :groups WHERE id = :id")
  void reached(long id, int level, Instant next, String[] groups);

  @SqlUpdate("UPDATE alert SET next_step_at = :next WHERE id = :id")
  void holdUntil(long id, Instant next);

  /** Takes the alert for {@code userId} unless someone already has; false then. */
  @SqlUpdate("""
      UPDATE alert SET handler_id = :userId, handler_name = :name, acked_at = :at, next_step_at = NULL
      WHERE id = :id AND handler_id IS NULL AND done_at IS NULL""")
  boolean take(long id, long userId, String name, Instant at);

  @SqlUpdate("""
      UPDATE alert SET done_by = :userId, done_at = :at, outcome = :outcome, next_step_at = NULL
      WHERE id = :id AND done_at IS NULL""")
  boolean finish(long id, long userId, String outcome, Instant at);

  @SqlUpdate("INSERT INTO alert_message (outbox_id, alert_id) VALUES (:outboxId, :alertId) ON CONFLICT DO NOTHING")
  void posted(long outboxId, long alertId);

  @SqlQuery("SELECT outbox_id FROM alert_message WHERE alert_id = :alertId ORDER BY outbox_id")
  List<Long> messages(long alertId);

  @SqlQuery("SELECT alert_id FROM alert_message WHERE outbox_id = :outboxId")
  Optional<Long> alertOfMessage(long outboxId);

  @SqlUpdate("INSERT INTO alert_notified (alert_id, user_id, level) VALUES (:alertId, :userId, :level) ON CONFLICT DO NOTHING")
  boolean notified(long alertId, long userId, int level);

  @SqlQuery("SELECT user_id FROM alert_notified WHERE alert_id = :alertId ORDER BY user_id")
  List<Long> notifiedPeople(long alertId);

  @SqlUpdate("INSERT INTO alert_action (alert_id, user_id, action, at, note) VALUES (:alertId, :userId, :action, :at, :note)")
  void act(long alertId, long userId, String action, Instant at, @Bind("note") String note);

  @SqlQuery("SELECT DISTINCT user_id FROM alert_action WHERE alert_id = :alertId AND action = 'support' ORDER BY user_id")
  List<Long> supporters(long alertId);

  @SqlUpdate("INSERT INTO alert_question (outbox_id, alert_id, user_id) VALUES (:outboxId, :alertId, :userId)")
  void asked(long outboxId, long alertId, long userId);

  record Question(long alertId, long userId) {}

  @RegisterConstructorMapper(Question.class)
  @SqlQuery("SELECT alert_id, user_id FROM alert_question WHERE outbox_id = :outboxId")
  Optional<Question> question(long outboxId);

  /** Alerts not yet done, oldest first: what /tanggap and the dashboard list. */
  @SqlQuery("SELECT " + COLUMNS + " FROM alert WHERE done_at IS NULL ORDER BY raised_at LIMIT :limit")
  List<Alert> notDone(int limit);

  @SqlQuery("SELECT count(*) FROM alert WHERE done_at IS NULL")
  int notDoneCount();

  /** Alerts raised in {@code [from, to)}, oldest first. */
  @SqlQuery("SELECT " + COLUMNS + " FROM alert WHERE raised_at >= :from AND raised_at < :to ORDER BY raised_at")
  List<Alert> raisedBetween(Instant from, Instant to);
}
