package id.rakorbot.ops;

import static id.rakorbot.support.BotHarness.CAMAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** /healthz, /readyz and /metrics of a running bot, over real HTTP. */
class OperationsServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(BotHarness bot, String path) throws Exception {
    int port = bot.rakorbot().operationsPort().orElseThrow();
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthReadinessAndMetricsAnswer() throws Exception {
    try (BotHarness bot = BotHarness.start()) {
      BotApiEmulator api = bot.api();
      api.privateText(CAMAT, "Heri", "/lapor pencurian Motor hilang di pasar");
      api.awaitMessage(CAMAT, text -> text.contains("tercatat"));

      assertThat(get(bot, "/healthz").statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(bot, "/readyz");
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      assertThat(ready.body()).startsWith("SIAP").contains("Peran: pemimpin", "Database: terhubung", "Antrean keluar");

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get(bot, "/metrics").body())
          .contains("rakorbot_updates_received_total", "rakorbot_updates_processed_total", "rakorbot_updates_batch_seconds",
              "rakorbot_sends_total{result=\"sent\"}", "rakorbot_reports_total{category=\"pencurian\",severity=\"normal\"}",
              "rakorbot_outbox_pending{class=\"alert\"}", "rakorbot_leader 1.0"));
      assertThat(get(bot, "/nothing").statusCode()).isEqualTo(404);
    }
  }

  /** An alert on "any increase" must see the first set-aside update and the first reminder: the series exist from the start. */
  @Test
  void theCountersAnAlertWatchesAreThereAtZeroBeforeTheirFirstEvent() throws Exception {
    try (BotHarness bot = BotHarness.start(BotHarness.CONFIG + BotHarness.ONE_MEETING, Clock.systemUTC())) {
      String metrics = get(bot, "/metrics").body();
      assertThat(metrics).contains("rakorbot_updates_set_aside_total{stage=\"process\"} 0.0",
          "rakorbot_updates_set_aside_total{stage=\"store\"} 0.0",
          "rakorbot_reminders_fired_total{late=\"false\",schedule=\"rakor_pks\"} 0.0",
          "rakorbot_reminders_fired_total{late=\"true\",schedule=\"rakor_pks\"} 0.0",
          "rakorbot_sends_total{result=\"429\"} 0.0");
    }
  }

  /** A wrong path is not found whatever the method; a right path with a wrong method is 405. */
  @Test
  void aPostToAWrongPathIsNotFoundAndToARightOneNotAllowed() throws Exception {
    try (BotHarness bot = BotHarness.start()) {
      int port = bot.rakorbot().operationsPort().orElseThrow();
      HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tidak-ada"))
          .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> notAllowed = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
          .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(wrong.statusCode()).isEqualTo(404);
      assertThat(wrong.body()).contains("Tidak ada");
      assertThat(notAllowed.statusCode()).isEqualTo(405);
      assertThat(notAllowed.headers().firstValue("Allow")).contains("GET, HEAD");
    }
  }
}
