package id.rakorbot.response;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An alert that needs an owner, as stored.
 *
 * @param subject the number people quote: LAP-2026-000123 for a report, PD-2026-0004 for an early warning
 * @param severity waspada, siaga or awas
 * @param groups the declared groups it was posted in so far (its own, then each level's)
 * @param ackDueAt the first level's limit: taken later than this, or not at all by then, is "melewati batas"
 * @param levelReached the highest level told; 0 is the first
 * @param nextStepAt when the next level is due; null once taken, done, or at the top of the ladder
 */
public record Alert(long id, String subject, String kind, String severity, String area, String summary, String baseHtml,
    Long reporterId, String[] groups, Instant raisedAt, Instant ackDueAt, int levelReached, Instant nextStepAt,
    Long handlerId, String handlerName, Instant ackedAt, Long doneBy, Instant doneAt, String outcome) {

  public boolean taken() {
    return handlerId != null;
  }

  public boolean done() {
    return doneAt != null;
  }

  public List<String> groupList() {
    return Arrays.asList(groups);
  }

  public Optional<String> areaName() {
    return Optional.ofNullable(area);
  }

  /** From raising to "Saya tangani", once someone took it. */
  public Optional<Duration> timeToAck() {
    return ackedAt == null ? Optional.empty() : Optional.of(Duration.between(raisedAt, ackedAt));
  }
}
