package id.rakorbot.warning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code early_warning} table. */
public final class EarlyWarnings {

  private static final String COLUMNS = "id, number, rule_id, rule_name, level, scope, reports, fired_at, status";

  private EarlyWarnings() {}

  /** Whether rule {@code ruleId} already raised an alert for {@code scope} whose window lasts past {@code at}. */
  static boolean raised(Handle handle, String ruleId, String scope, Instant at) {
    return handle.createQuery("SELECT 1 FROM early_warning WHERE rule_id = :rule AND scope = :scope AND window_end > :at LIMIT 1")
        .bind("rule", ruleId).bind("scope", scope).bind("at", at.atOffset(ZoneOffset.UTC)).mapTo(Integer.class).findOne().isPresent();
  }

  /** The end of the window of the alert rule {@code ruleId} raised for {@code scope} that runs past {@code at}, if any. */
  static Optional<Instant> windowEnd(Handle handle, String ruleId, String scope, Instant at) {
    return handle.createQuery("SELECT window_end FROM early_warning WHERE rule_id = :rule AND scope = :scope AND window_end > :at ORDER BY window_end DESC LIMIT 1")
        .bind("rule", ruleId).bind("scope", scope).bind("at", at.atOffset(ZoneOffset.UTC))
        .mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant);
  }

  /** Open alerts of {@code scope} over some of {@code categories} whose window lasts past {@code at}. */
  static List<EarlyWarning> active(Handle handle, String scope, List<String> categories, Instant at) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM early_warning WHERE scope = :scope AND status = 'open' AND window_end > :at"
            + " AND categories && CAST(:categories AS text[])")
        .bind("scope", scope).bind("at", at.atOffset(ZoneOffset.UTC)).bindArray("categories", String.class, categories)
        .map((rs, ctx) -> read(rs)).list();
  }

  static EarlyWarning insert(Handle handle, String ruleId, String ruleName, String level, String scope, List<String> categories,
      List<String> reports, Instant firedAt, Instant windowEnd, int year) {
    long id = handle.createQuery("SELECT nextval(pg_get_serial_sequence('early_warning', 'id'))").mapTo(Long.class).one();
    handle.createUpdate("""
            INSERT INTO early_warning (id, number, rule_id, rule_name, level, scope, categories, reports, fired_at, window_end)
            VALUES (:id, :number, :rule, :name, :level, :scope, :categories, :reports, :at, :end)""")
        .bind("id", id).bind("number", "PD-" + year + "-" + String.format(java.util.Locale.ROOT, "%04d", id))
        .bind("rule", ruleId).bind("name", ruleName).bind("level", level).bind("scope", scope)
        .bindArray("categories", String.class, categories).bindArray("reports", String.class, reports)
        .bind("at", firedAt.atOffset(ZoneOffset.UTC)).bind("end", windowEnd.atOffset(ZoneOffset.UTC))
        .execute();
    return byId(handle, id).orElseThrow();
  }

  static void escalate(Handle handle, long from, long to) {
    handle.createUpdate("UPDATE early_warning SET status = 'escalated', escalated_to = :to WHERE id = :from").bind("from", from).bind("to", to).execute();
  }

  static Optional<EarlyWarning> byId(Handle handle, long id) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM early_warning WHERE id = :id").bind("id", id).map((rs, ctx) -> read(rs)).findOne();
  }

  static Optional<EarlyWarning> byNumber(Handle handle, String number) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM early_warning WHERE number = :n")
        .bind("n", number.strip().toUpperCase(java.util.Locale.ROOT)).map((rs, ctx) -> read(rs)).findOne();
  }

  /** Open alerts, newest first. */
  public static List<EarlyWarning> open(Handle handle) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM early_warning WHERE status = 'open' ORDER BY fired_at DESC").map((rs, ctx) -> read(rs)).list();
  }

  static boolean close(Handle handle, long id, long by, String note, Instant at) {
    return handle.createUpdate("""
            UPDATE early_warning SET status = 'closed', closed_by = :by, closed_note = :note, closed_at = :at
            WHERE id = :id AND status = 'open'""")
        .bind("id", id).bind("by", by).bind("note", note).bind("at", at.atOffset(ZoneOffset.UTC)).execute() == 1;
  }

  /** Alerts raised in {@code [from, to)}, oldest first: what the digest and the bahan rapat count. */
  public static List<EarlyWarning> raisedBetween(Handle handle, Instant from, Instant to) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM early_warning WHERE fired_at >= :from AND fired_at < :to ORDER BY fired_at")
        .bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC)).map((rs, ctx) -> read(rs)).list();
  }

  private static EarlyWarning read(ResultSet rs) throws SQLException {
    return new EarlyWarning(rs.getLong("id"), rs.getString("number"), rs.getString("rule_id"), rs.getString("rule_name"),
        rs.getString("level"), rs.getString("scope"), Arrays.asList((String[]) rs.getArray("reports").getArray()),
        rs.getObject("fired_at", OffsetDateTime.class).toInstant(), rs.getString("status"));
  }
}
