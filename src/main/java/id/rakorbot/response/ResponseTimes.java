package id.rakorbot.response;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * How fast alerts were taken in hand, for the digest, the bahan rapat and the dashboard: one reading of the
 * alert table, so that they all say the same.
 *
 * @param raised alerts raised in the period
 * @param taken of them, taken in hand
 * @param median the median time to "Saya tangani" of those taken (the lower middle one of an even count)
 * @param overLimit taken after the first level's limit, or not taken by then
 * @param untaken of them, still not taken in hand
 */
public record ResponseTimes(int raised, int taken, Optional<Duration> median, int overLimit, int untaken) {

  /** No alerts: what a digest without its group part carries. */
  public static final ResponseTimes NONE = new ResponseTimes(0, 0, Optional.empty(), 0, 0);

  /** The alerts raised in {@code [from, to)}, as they stand at {@code now}. */
  public static ResponseTimes between(Handle handle, Instant from, Instant to, Instant now) {
    List<Alert> alerts = AlertDesk.dao(handle).raisedBetween(from, to);
    List<Duration> times = alerts.stream().flatMap(a -> a.timeToAck().stream()).sorted().toList();
    int over = (int) alerts.stream().filter(a -> a.ackDueAt() != null
        && (a.ackedAt() != null ? a.ackedAt().isAfter(a.ackDueAt()) : now.isAfter(a.ackDueAt()))).count();
    int untaken = (int) alerts.stream().filter(a -> !a.taken() && !a.done()).count();
    Optional<Duration> median = times.isEmpty() ? Optional.empty() : Optional.of(times.get((times.size() - 1) / 2));
    return new ResponseTimes(alerts.size(), times.size(), median, over, untaken);
  }

  /** "Waktu tanggap: median 14 menit; 2 dari 9 melewati batas; belum ditangani: 1"; empty when nothing was raised. */
  public Optional<String> line() {
    if (raised == 0) {
      return Optional.empty();
    }
    return Optional.of("Waktu tanggap: " + median.map(m -> "median " + ResponseTexts.span(m)).orElse("belum ada yang ditangani")
        + "; " + overLimit + " dari " + raised + " melewati batas; belum ditangani: " + untaken);
  }

  /** An alert not yet done, as the dashboard lists it. */
  public record Open(String subject, String severity, Optional<String> area, Instant raisedAt, Optional<String> handler, int level,
      String summary) {}

  /** The alerts not yet done, oldest first, at most {@code limit}. */
  public static List<Open> open(Handle handle, int limit) {
    return AlertDesk.dao(handle).notDone(limit).stream().map(a -> new Open(a.subject(), a.severity(), a.areaName(), a.raisedAt(),
        Optional.ofNullable(a.handlerName()), a.levelReached() + 1, a.summary())).toList();
  }

  /** The state of the alerts of {@code subjects} (report numbers), for /laporanku: "ditangani X", "selesai: …". */
  public static java.util.Map<String, String> states(Handle handle, List<String> subjects) {
    java.util.Map<String, String> states = new java.util.HashMap<>();
    for (Alert alert : AlertDesk.dao(handle).bySubjects(subjects.toArray(String[]::new))) {
      states.put(alert.subject(), alert.done() ? "✅ selesai: " + alert.outcome()
          : alert.taken() ? "🙋 ditangani " + alert.handlerName() : "⏳ belum ditangani");
    }
    return states;
  }

  /** A span as the texts write it ("12 menit", "1 jam 5 menit"). */
  public static String span(Duration duration) {
    return ResponseTexts.span(duration);
  }
}
