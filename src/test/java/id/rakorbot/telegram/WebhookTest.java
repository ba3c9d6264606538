package id.rakorbot.telegram;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rakorbot.Rakorbot;
import id.rakorbot.storage.Database;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TcpProxy;
import id.rakorbot.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Webhook mode over real HTTP: the secret, storing before answering, outages, and two receiving instances. */
class WebhookTest {

  private static final String SECRET = "uji_rahasia-123";
  static final String CONFIG = BotHarness.CONFIG.replace("  poll_timeout_seconds: 1\n", """
        poll_timeout_seconds: 1
        mode: webhook
        webhook: {url: "https://bot.example.go.id/telegram", path: /telegram, secret: %s, max_connections: 20}
      """.formatted(SECRET));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static int post(int port, String path, String secret, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header(WebhookReceiver.SECRET_HEADER, secret);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static int port(Rakorbot bot) {
    return bot.operationsPort().orElseThrow();
  }

  private static long stored(BotHarness bot) {
    return bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM inbox_update").mapTo(Long.class).one());
  }

  @Test
  void theLeaderSetsTheWebhookOnceAndAnUpdateWithTheSecretIsStoredAndAnswered() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, Clock.systemUTC())) {
      BotApiEmulator api = bot.api();
      await().atMost(Duration.ofSeconds(10)).until(() -> api.calls("setWebhook").size() == 1);
      var set = api.calls("setWebhook").getFirst().params();
      assertThat(set.path("url").asText()).isEqualTo("https://bot.example.go.id/telegram");
      assertThat(set.path("secret_token").asText()).isEqualTo(SECRET);
      assertThat(set.path("max_connections").asText()).isEqualTo("20");
      assertThat(set.path("allowed_updates").toString()).contains("message", "callback_query");

      ObjectNode update = api.webhookText(CAMAT, "Heri", "/start");
      assertThat(post(port(bot.rakorbot()), "/telegram", SECRET, update.toString())).isEqualTo(200);
      api.awaitMessage(CAMAT, text -> text.contains("Heri Susanto"));
      assertThat(api.calls("setWebhook")).hasSize(1);
    }
  }

  @Test
  void aWrongOrMissingSecretOrPathOrMethodStoresNothing() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, Clock.systemUTC())) {
      int port = port(bot.rakorbot());
      String body = bot.api().webhookText(CAMAT, "Heri", "/start").toString();

      assertThat(post(port, "/telegram", "tebakan", body)).isEqualTo(401);
      assertThat(post(port, "/telegram", null, body)).isEqualTo(401);
      assertThat(post(port, "/telegram", SECRET + "x", body)).isEqualTo(401);
      assertThat(post(port, "/telegram/lain", SECRET, body)).isEqualTo(404);
      assertThat(post(port, "/telegram", SECRET, "x".repeat(WebhookReceiver.MAX_BODY + 1))).isEqualTo(413);
      assertThat(post(port, "/telegram", SECRET, "{bukan json")).isEqualTo(400);
      int get = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
      assertThat(get).isEqualTo(405);
      assertThat(stored(bot)).isZero();
    }
  }

  /** A body must be one JSON object and nothing else, or it is refused and nothing of it is processed. */
  @Test
  void aBodyWithAnythingAfterTheUpdateIsRefusedAndStoresNothing() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, Clock.systemUTC())) {
      int port = port(bot.rakorbot());
      String update = bot.api().webhookText(CAMAT, "Heri", "/start").toString();

      for (String body : List.of(update + "}", update + " sisa", update + update, "[" + update + "]", "42")) {
        assertThat(post(port, "/telegram", SECRET, body)).as(body).isEqualTo(400);
      }
      assertThat(stored(bot)).isZero();
      assertThat(post(port, "/telegram", SECRET, update + "\n")).as("trailing whitespace is still one object").isEqualTo(200);
    }
  }

  /** A leader in webhook mode says what it does: it receives the webhook, it does not poll. */
  @Test
  void aWebhookLeaderSaysItReceivesTheWebhookNotThatItPolls() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger leadership = (Logger) LoggerFactory.getLogger(id.rakorbot.cluster.Leadership.class);
    leadership.addAppender(log);
    try (BotHarness bot = BotHarness.start(CONFIG, Clock.systemUTC())) {
      String ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(bot.rakorbot()) + "/readyz")).build(),
          HttpResponse.BodyHandlers.ofString()).body();

      assertThat(ready).contains("Peran: pemimpin (menerima webhook dan mengirim pesan)").doesNotContain("polling");
      assertThat(List.copyOf(log.list)).extracting(ILoggingEvent::getFormattedMessage)
          .contains("This instance now leads: it keeps the webhook registered and sends the outbox")
          .noneMatch(line -> line.contains("polls"));
    } finally {
      leadership.detachAppender(log);
    }
  }

  @Test
  void aDatabaseOutageAnswers503AndTheRepeatedUpdateIsAcceptedOnce() throws Exception {
    try (TestDatabase schema = TestDatabase.create(); TcpProxy proxy = new TcpProxy(schema.serverHostPort());
        BotHarness bot = BotHarness.start(schema, schema.urlVia(proxy.hostPort()), CONFIG, Clock.systemUTC())) {
      BotApiEmulator api = bot.api();
      int port = port(bot.rakorbot());
      String update = api.webhookText(CAMAT, "Heri", "/start").toString();

      proxy.cut();
      assertThat(post(port, "/telegram", SECRET, update)).isGreaterThanOrEqualTo(500);
      proxy.restore();
      await().atMost(Duration.ofSeconds(30)).until(() -> post(port, "/telegram", SECRET, update) == 200);
      assertThat(post(port, "/telegram", SECRET, update)).isEqualTo(200); // Telegram retrying once more

      api.awaitMessage(CAMAT, text -> text.contains("Heri Susanto"));
      bot.awaitQuiet();
      assertThat(api.messagesTo(CAMAT)).hasSize(1);
    }
  }

  @Test
  void twoInstancesReceivingTheSameUpdatesApplyEachOnce() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, Clock.systemUTC());
        Database secondPool = Database.connect(bot.databaseUrl(), 4);
        Rakorbot second = bot.startAnotherInstance(secondPool)) {
      BotApiEmulator api = bot.api();
      List<String> updates = List.of(api.webhookText(CAMAT, "Heri", "/start").toString(),
          api.webhookText(ADMIN, "Rina", "/start").toString());
      for (String update : updates) {
        var first = CompletableFuture.supplyAsync(() -> postQuietly(port(bot.rakorbot()), update));
        var other = CompletableFuture.supplyAsync(() -> postQuietly(port(second), update));
        assertThat(first.get()).isEqualTo(200);
        assertThat(other.get()).isEqualTo(200);
      }

      api.awaitMessage(CAMAT, text -> text.contains("Heri Susanto"));
      api.awaitMessage(ADMIN, text -> text.contains("Rina Wulandari"));
      bot.awaitQuiet();
      assertThat(api.messagesTo(CAMAT)).hasSize(1);
      assertThat(api.messagesTo(ADMIN)).hasSize(1);
      assertThat(api.calls("setWebhook")).hasSize(1); // the leader's, not one per instance
    }
  }

  private static int postQuietly(int port, String body) {
    try {
      return post(port, "/telegram", SECRET, body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
