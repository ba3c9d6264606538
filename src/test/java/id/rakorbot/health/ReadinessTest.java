package id.rakorbot.health;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.cluster.Leadership;
import id.rakorbot.config.HttpSettings;
import id.rakorbot.ops.BotMetrics;
import id.rakorbot.ops.OperationsServer;
import id.rakorbot.storage.Database;
import id.rakorbot.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** /readyz, as the bot wires it: a stopped background loop makes the instance unready at once, by name. */
class ReadinessTest {

  @Test
  void aStoppedOutboxLoopMakesTheInstanceUnready() throws Exception {
    try (TestDatabase schema = TestDatabase.create(); Database database = Database.connect(schema.url(), 2);
        Leadership leadership = new Leadership(database::dedicatedConnection, "polls Telegram and sends the outbox")) {
      leadership.start();
      AtomicBoolean dispatcher = new AtomicBoolean(true);
      var heartbeat = new Heartbeat(database.jdbi(), Clock.systemUTC(), "instance-a",
          Map.of("outbox-dispatcher", dispatcher::get, "rsvp-tallies", () -> true), leadership::lockHolderPid);
      try (OperationsServer server = OperationsServer.start(new HttpSettings(0, "127.0.0.1"),
          new Readiness(database.jdbi(), heartbeat, leadership::leading, "polling Telegram dan mengirim pesan", Clock.systemUTC())::now,
          Map::of, leadership::leading, new BotMetrics(List.of()))) {
        HttpResponse<String> ready = get(server);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).startsWith("SIAP").contains("Peran: pemimpin", "Proses latar berhenti: tidak ada.");

        dispatcher.set(false);

        HttpResponse<String> stopped = get(server);
        assertThat(stopped.statusCode()).isEqualTo(503);
        assertThat(stopped.body()).startsWith("TIDAK SIAP").contains("Proses latar berhenti: outbox-dispatcher.");
      }
    }
  }

  private static HttpResponse<String> get(OperationsServer server) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/readyz")).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
