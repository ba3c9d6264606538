package id.rakorbot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The bot's counters, on Micrometer's global registry so that every part records without wiring; the
 * operations server adds a Prometheus registry to it. Names follow Prometheus conventions once exported
 * ({@code rakorbot_updates_received_total}).
 */
public final class BotMetrics {

  private BotMetrics() {}

  public static void updatesReceived(int count) {
    Metrics.counter("rakorbot.updates.received").increment(count);
  }

  public static void updatesProcessed(int count, Duration took) {
    Metrics.counter("rakorbot.updates.processed").increment(count);
    Timer.builder("rakorbot.updates.batch").description("Time to process one batch of updates in one transaction")
        .register(Metrics.globalRegistry).record(took);
  }

  public static void updateSetAside(String stage) {
    Metrics.counter("rakorbot.updates.set.aside", "stage", stage).increment();
  }

  /** One call to Telegram by the outbox: {@code result} is sent, retry, 429, dead, …; {@code method} sendMessage, … */
  public static void send(String result) {
    Counter.builder("rakorbot.sends").tag("result", result).register(Metrics.globalRegistry).increment();
  }

  public static void reminderFired(String schedule, boolean late) {
    Metrics.counter("rakorbot.reminders.fired", "schedule", schedule, "late", Boolean.toString(late)).increment();
  }

  public static void report(String category, String severity) {
    Metrics.counter("rakorbot.reports", "category", category, "severity", severity).increment();
  }
}
