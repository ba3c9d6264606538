package id.rakorbot.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.Main;
import id.rakorbot.cluster.Leadership;
import id.rakorbot.storage.Database;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code health} reads: a loop that stopped makes the bot unhealthy, by name, even while it polls. */
class HealthReportTest {

  @Test
  void aStoppedBackgroundLoopMakesTheBotUnhealthyAndIsNamed() {
    try (TestDatabase schema = TestDatabase.create(); Database database = Database.connect(schema.url(), 2)) {
      AtomicBoolean dispatcherRuns = new AtomicBoolean(true);
      var heartbeat = new Heartbeat(database.jdbi(), Clock.systemUTC(), "instance-a",
          Map.of("outbox-dispatcher", dispatcherRuns::get, "rsvp-tallies", () -> true), OptionalInt::empty);
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

  /** A leader killed outright is no longer shown as one once its lock is gone, not a minute later. */
  @Test
  void aKilledLeaderIsNotListedAsLeaderBesideItsSuccessor() {
    try (TestDatabase schema = TestDatabase.create(); Database first = Database.connect(schema.url(), 2);
        Database second = Database.connect(schema.url(), 2);
        Leadership a = new Leadership(first::dedicatedConnection, "polls Telegram and sends the outbox");
        Leadership b = new Leadership(second::dedicatedConnection, "polls Telegram and sends the outbox")) {
      a.start();
      b.start();
      var beatA = new Heartbeat(first.jdbi(), Clock.systemUTC(), "instance-a", Map.of(), a::lockHolderPid);
      var beatB = new Heartbeat(second.jdbi(), Clock.systemUTC(), "instance-b", Map.of(), b::lockHolderPid);
      beatA.beat();
      beatB.beat();
      assertThat(Heartbeat.instances(first.jdbi())).containsExactly("instance-a (pemimpin)", "instance-b (siaga)");

      a.close(); // killed: its session ends, its last beat still says it leads
      await().atMost(Duration.ofSeconds(10)).until(b::leading);
      beatB.beat();

      assertThat(Heartbeat.instances(second.jdbi())).containsExactly("instance-b (pemimpin)", "instance-a (siaga)");
    }
  }

  /** Defect 4: the README's own CI address has no password; the jdbc form names the user only in the query. */
  @Test
  void healthCommandAcceptsAddressesWithoutAPassword(@TempDir Path dir) throws Exception {
    try (TestDatabase schema = TestDatabase.create(); Database database = Database.connect(schema.url(), 2)) {
      var heartbeat = new Heartbeat(database.jdbi(), Clock.systemUTC(), "instance-a", Map.of("outbox-dispatcher", () -> true),
          OptionalInt::empty);
      heartbeat.polled();
      heartbeat.beat();
      TestDatabase.Server server = schema.serverAddress();
      String credentials = server.user() + server.password().map(p -> ":" + p).orElse("");
      String where = server.host() + ":" + server.port() + "/" + server.database() + "?currentSchema=" + schema.name();
      Path config = dir.resolve("rakorbot.yaml");
      Files.writeString(config, BotHarness.CONFIG + "database:\n  url: ${DATABASE_URL}\n");
      for (String url : List.of("postgresql://" + credentials + "@" + where,
          "jdbc:postgresql://" + where + "&user=" + server.user() + server.password().map(p -> "&password=" + p).orElse(""))) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"health", "--config", config.toString()},
            Map.of("DATABASE_URL", url, "TELEGRAM_API_URL", "http://127.0.0.1:9")::get, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(out.toString()).as(url + " " + err).startsWith("SEHAT");
        assertThat(exit).as(url).isZero();
      }
    }
  }
}
