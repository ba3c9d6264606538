package id.rakorbot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The bot's counters, in one registry per running bot that {@code /metrics} exports. Names follow Prometheus
 * conventions once exported ({@code rakorbot_updates_received_total}). Every series an alert may watch exists
 * from the start at zero, so that "any increase" also sees the first event.
 */
public final class BotMetrics {

  /** The outbox's answers from Telegram, as {@code rakorbot_sends_total{result=…}} counts them. */
  public static final List<String> SEND_RESULTS = List.of("sent", "429", "5xx", "network_error", "not_modified",
      "migrated", "dead");
  private static final List<String> SET_ASIDE_STAGES = List.of("store", "process");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** With the series that exist before their first event: set-aside updates, sends, and each schedule's reminders. */
  public BotMetrics(Collection<String> scheduleIds) {
    updatesReceived(0);
    updatesProcessedCounter().increment(0);
    SET_ASIDE_STAGES.forEach(stage -> setAside(stage).increment(0));
    SEND_RESULTS.forEach(result -> sends(result).increment(0));
    schedulesKnown(scheduleIds);
    acknowledgeTimer();
  }

  /** The time from an alert to its "Saya tangani", as a histogram with buckets a leadership reads (1 min to 4 h). */
  public void alertAcknowledged(Duration took) {
    acknowledgeTimer().record(took);
  }

  /** One alert told to the next level of the ladder ({@code level} is its name, "Kota/Kabupaten"). */
  public void alertEscalated(String level) {
    registry.counter("rakorbot.alert.escalations", "level", level).increment();
  }

  private Timer acknowledgeTimer() {
    return Timer.builder("rakorbot.alert.acknowledge").description("Time from an alert to its first 'Saya tangani'")
        .serviceLevelObjectives(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4))
        .register(registry);
  }

  /** Reminders of schedules added by a config reload start at zero too. */
  public void schedulesKnown(Collection<String> scheduleIds) {
    for (String schedule : scheduleIds) {
      remindersFired(schedule, false).increment(0);
      remindersFired(schedule, true).increment(0);
    }
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  public void updatesReceived(int count) {
    registry.counter("rakorbot.updates.received").increment(count);
  }

  public void updatesProcessed(int count, Duration took) {
    updatesProcessedCounter().increment(count);
    Timer.builder("rakorbot.updates.batch").description("Time to process one batch of updates in one transaction")
        .register(registry).record(took);
  }

  public void updateSetAside(String stage) {
    setAside(stage).increment();
  }

  /** One call to Telegram by the outbox: {@code result} is one of {@link #SEND_RESULTS}. */
  public void send(String result) {
    sends(result).increment();
  }

  public void reminderFired(String schedule, boolean late) {
    remindersFired(schedule, late).increment();
  }

  public void report(String category, String severity) {
    registry.counter("rakorbot.reports", "category", category, "severity", severity).increment();
  }

  private Counter updatesProcessedCounter() {
    return registry.counter("rakorbot.updates.processed");
  }

  private Counter setAside(String stage) {
    return registry.counter("rakorbot.updates.set.aside", "stage", stage);
  }

  private Counter sends(String result) {
    return Counter.builder("rakorbot.sends").tag("result", result).register(registry);
  }

  private Counter remindersFired(String schedule, boolean late) {
    return registry.counter("rakorbot.reminders.fired", "schedule", schedule, "late", Boolean.toString(late));
  }
}
