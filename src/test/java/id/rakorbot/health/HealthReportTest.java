package id.rakorbot.health;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.storage.Database;
import id.rakorbot.support.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What {@code health} reads: a loop that stopped makes the bot unhealthy, by name, even while it polls. */
class HealthReportTest {

  @Test
  void aStoppedBackgroundLoopMakesTheBotUnhealthyAndIsNamed() {
    try (TestDatabase schema = TestDatabase.create(); Database database = Database.connect(schema.url(), 2)) {
      AtomicBoolean dispatcherRuns = new AtomicBoolean(true);
      var heartbeat = new Heartbeat(database.jdbi(), Clock.systemUTC(), "instance-a",
          Map.of("outbox-dispatcher", dispatcherRuns::get, "rsvp-tallies", () -> true));
      heartbeat.polled();
      heartbeat.beat();
      HealthReport healthy = HealthReport.read(database.jdbi(), Instant.now());
      assertThat(healthy.healthy()).isTrue();
      assertThat(healthy.lines().getFirst()).startsWith("SEHAT");

      dispatcherRuns.set(false);
      heartbeat.polled();
      heartbeat.beat();
      HealthReport report = HealthReport.read(database.jdbi(), Instant.now());
      assertThat(report.healthy()).isFalse();
      assertThat(report.lines().getFirst()).startsWith("TIDAK SEHAT").contains("instance-a: outbox-dispatcher");
      assertThat(report.lines()).anyMatch(line -> line.startsWith("Antrean keluar: kosong"));
    }
  }
}
