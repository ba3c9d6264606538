package id.rakorbot.warning;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code early_warning} table: alerts the rules raised, one per rule and place while its window lasts. */
@RegisterConstructorMapper(EarlyWarningDao.Stored.class)
interface EarlyWarningDao {

  /** An alert as stored; {@link #warning} is how the feature and its readers see it. */
  record Stored(long id, String number, String ruleId, String ruleName, String level, String scope, String[] reports, Instant firedAt,
      String status) {

    EarlyWarning warning() {
      return new EarlyWarning(id, number, ruleId, ruleName, level, scope, Arrays.asList(reports), firedAt, status);
    }
  }

  /** The end of the newest window of rule {@code ruleId} for {@code scope} that runs past {@code at}, if any. */
  @SqlQuery("""
      SELECT window_end FROM early_warning WHERE rule_id = :ruleId AND scope = :scope AND window_end > :at
      ORDER BY window_end DESC LIMIT 1""")
  Optional<Instant> windowEnd(String ruleId, String scope, Instant at);

  /** Open alerts of {@code scope} over some of {@code categories} whose window lasts past {@code at}. */
  @SqlQuery("""
      SELECT id, number, rule_id, rule_name, level, scope, reports, fired_at, status FROM early_warning
      WHERE scope = :scope AND status = 'open' AND window_end > :at AND categories && CAST(:categories AS text[])""")
  List<Stored> active(String scope, String[] categories, Instant at);

  /** One alert raised at a time per place, across lanes and instances, for the rest of the transaction. */
  @SqlQuery("SELECT 1 FROM pg_advisory_xact_lock(1919, hashtext(:scope))")
  int lockScope(String scope);

  @SqlQuery("SELECT nextval(pg_get_serial_sequence('early_warning', 'id'))")
  long nextId();

  @SqlUpdate("""
      INSERT INTO early_warning (id, number, rule_id, rule_name, level, scope, categories, reports, fired_at, window_end)
      VALUES (:id, :number, :ruleId, :ruleName, :level, :scope, :categories, :reports, :firedAt, :windowEnd)""")
  void insert(long id, String number, String ruleId, String ruleName, String level, String scope, String[] categories,
      String[] reports, Instant firedAt, Instant windowEnd);

  @SqlUpdate("UPDATE early_warning SET status = 'escalated', escalated_to = :to WHERE id = :from")
  void escalate(long from, long to);

  @SqlQuery("SELECT id, number, rule_id, rule_name, level, scope, reports, fired_at, status FROM early_warning WHERE id = :id")
  Optional<Stored> byId(long id);

  @SqlQuery("SELECT id, number, rule_id, rule_name, level, scope, reports, fired_at, status FROM early_warning WHERE number = :number")
  Optional<Stored> byNumber(String number);

  @SqlQuery("""
      SELECT id, number, rule_id, rule_name, level, scope, reports, fired_at, status FROM early_warning
      WHERE status = 'open' ORDER BY fired_at DESC""")
  List<Stored> open();

  @SqlUpdate("""
      UPDATE early_warning SET status = 'closed', closed_by = :by, closed_note = :note, closed_at = :at
      WHERE id = :id AND status = 'open'""")
  boolean close(long id, long by, String note, Instant at);

  /** Alerts raised in {@code [from, to)}, oldest first. */
  @SqlQuery("""
      SELECT id, number, rule_id, rule_name, level, scope, reports, fired_at, status FROM early_warning
      WHERE fired_at >= :from AND fired_at < :to ORDER BY fired_at""")
  List<Stored> raisedBetween(Instant from, Instant to);
}
