package id.rakorbot.response;

import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.ResponseConfig;
import id.rakorbot.ops.BotMetrics;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Climbs the ladder of the alerts nobody took: each due alert is locked for the sweep ({@code SKIP LOCKED}, so
 * two instances share the work), its next level claimed in {@code alert_step} and told in the same transaction.
 * The next level falls due after the level's own time, counted from when this one was due, not from when the
 * sweep came round, so a late sweep does not stretch the ladder.
 */
final class Ladder {

  private static final Logger log = LoggerFactory.getLogger(Ladder.class);
  /** Alerts per transaction: a backlog after an outage is worked off in short transactions. */
  static final int BATCH = 200;

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final AlertDesk desk;
  private final BotMetrics metrics;

  Ladder(Jdbi jdbi, CurrentConfig config, AlertDesk desk, BotMetrics metrics) {
    this.jdbi = jdbi;
    this.config = config;
    this.desk = desk;
    this.metrics = metrics;
  }

  /** One sweep: every alert due now climbs one level; returns how many levels were told. */
  int sweep() {
    RakorbotConfig current = config.get();
    Instant now = desk.clock().instant();
    int told = 0;
    int batch;
    do {
      int[] counts = jdbi.inTransaction(handle -> {
        List<Alert> due = AlertDesk.dao(handle).due(now, BATCH);
        int steps = 0;
        for (Alert alert : due) {
          steps += climb(handle, current, alert, now, false) ? 1 : 0;
        }
        return new int[] {due.size(), steps};
      });
      batch = counts[0];
      told += counts[1];
    } while (batch == BATCH);
    return told;
  }

  /**
   * Tells the next level of {@code alert} (locked by the caller): when it is due, or at once when someone asked
   * for help. False when there is no level above, or quiet hours hold it.
   */
  boolean climb(Handle handle, RakorbotConfig current, Alert alert, Instant now, boolean askedForHelp) {
    ResponseConfig response = current.response();
    int next = alert.levelReached() + 1;
    AlertDao dao = AlertDesk.dao(handle);
    if (next >= response.levels().size()) {
      dao.holdUntil(alert.id(), null); // the top: nothing more to climb to
      return false;
    }
    Optional<Instant> quietEnd = askedForHelp ? Optional.empty() : quietUntil(response, alert, now, current);
    if (quietEnd.isPresent()) {
      dao.holdUntil(alert.id(), quietEnd.get());
      return false;
    }
    Instant from = askedForHelp || alert.nextStepAt() == null ? now : alert.nextStepAt();
    Instant following = alert.taken() ? null : response.ackWithin(next, alert.severity()).map(from::plus).orElse(null);
    if (!dao.claimStep(alert.id(), next, now)) { // told already (a row edited by hand): move on without telling again
      dao.reached(alert.id(), next, following, alert.groups());
      return false;
    }
    ResponseConfig.Level level = response.levels().get(next);
    String html = askedForHelp ? alert.baseHtml() : ResponseTexts.escalation(alert, level.label(), AlertDesk.waited(current, alert, next));
    List<String> groups = desk.tellLevel(handle, current, alert, next, html);
    dao.reached(alert.id(), next, following, groups.toArray(String[]::new));
    handle.afterCommit(() -> metrics.alertEscalated(level.label()));
    log.info("Alert {} escalated to level {} ({})", alert.subject(), next + 1, level.label());
    return true;
  }

  /** The end of the quiet hours when {@code now} is inside them and the alert may wait (never an awas). */
  private static Optional<Instant> quietUntil(ResponseConfig response, Alert alert, Instant now, RakorbotConfig current) {
    Optional<LocalTime[]> quiet = response.quiet();
    if (quiet.isEmpty() || "awas".equals(alert.severity())) {
      return Optional.empty();
    }
    ZonedDateTime local = now.atZone(current.bot().zone());
    LocalTime start = quiet.get()[0];
    LocalTime end = quiet.get()[1];
    LocalTime time = local.toLocalTime();
    boolean overnight = end.isBefore(start);
    boolean inside = overnight ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
    if (!inside) {
      return Optional.empty();
    }
    ZonedDateTime endAt = local.with(end);
    if (!endAt.isAfter(local)) {
      endAt = endAt.plusDays(1);
    }
    return Optional.of(endAt.toInstant());
  }
}
