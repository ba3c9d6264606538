package id.rakorbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.Rakorbot;
import id.rakorbot.storage.Database;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.BotProcess;
import id.rakorbot.support.TestDatabase;
import id.rakorbot.telegram.TelegramJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * kill -9 in the middle of a send burst: nothing is lost, and only messages whose send was in flight at the
 * kill may arrive twice (Telegram's API has no idempotency key, so a send whose answer never came back
 * cannot be told apart from one that never arrived).
 */
class CrashTest {

  private static final int MESSAGES = 300;
  private static final long FIRST_CHAT = 800_000_000L;

  @Test
  void aKilledSenderLosesNothingAndRepeatsOnlyWhatWasInFlight() throws Exception {
    Path dir = Files.createTempDirectory("rakorbot-crash");
    Path config = dir.resolve("rakorbot.yaml");
    Files.writeString(config, BotHarness.CONFIG + "database:\n  url: ${DATABASE_URL}\n");
    try (TestDatabase schema = TestDatabase.create(); BotApiEmulator api = new BotApiEmulator()) {
      api.answerAfter(Duration.ofMillis(300));
      api.enforceTelegramLimits();
      Database database;
      try (BotProcess child = BotProcess.start(config, api.url(), schema.jdbcUrlWithCredentials(), dir.resolve("bot.log"))) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.calls("setMyCommands").isEmpty());
        database = Database.connect(schema.url(), 4);
        Outbox outbox = new Outbox(TelegramJson.mapper(), () -> { });
        database.jdbi().useTransaction(h -> {
          for (int i = 0; i < MESSAGES; i++) {
            long chat = FIRST_CHAT + i;
            outbox.enqueue(h, chat, SendMessage.builder().chatId(chat).text("Pesan " + i).build(), Priority.REPLY);
          }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> api.calls("sendMessage").size() >= 100);
        child.kill();
      }
      Set<Long> inFlight = Set.copyOf(database.jdbi().withHandle(h -> h.createQuery("""
              SELECT chat_id FROM outbox_message WHERE status = 'pending' AND claimed_until > now()""")
          .mapTo(Long.class).list()));
      int deliveredAtKill = api.calls("sendMessage").size();

      var loader = Rakorbot.configLoader(Map.of("TELEGRAM_API_URL", api.url(), "DATABASE_URL", schema.jdbcUrlWithCredentials())::get);
      try (Rakorbot restarted = Rakorbot.start(loader, loader.load(config), database, BotApiEmulator.TOKEN, Clock.systemUTC())) {
        assertThat(restarted.username()).isEqualTo(BotApiEmulator.BOT_USERNAME);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
            .until(() -> delivered(api).size() == MESSAGES);
        // Nothing left to send: a repeat would have been sent by now.
        Jdbi jdbi = database.jdbi();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbi.withHandle(h -> h.createQuery(
            "SELECT NOT EXISTS (SELECT 1 FROM outbox_message WHERE status = 'pending')").mapTo(Boolean.class).one()));
      } finally {
        database.close();
      }

      Map<Long, Long> perChat = delivered(api);
      Set<Long> repeated = perChat.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
          .collect(Collectors.toSet());
      System.out.printf("kill -9 after %d of %d sends: %d in flight, %d repeated, 0 lost%n",
          deliveredAtKill, MESSAGES, inFlight.size(), repeated.size());
      assertThat(perChat).hasSize(MESSAGES);
      assertThat(inFlight).as("sends were in flight at the kill").isNotEmpty();
      assertThat(inFlight).containsAll(repeated);
      assertThat(api.tooManyRequests()).isZero();
    }
  }

  private static Map<Long, Long> delivered(BotApiEmulator api) {
    List<BotApiEmulator.Call> calls = api.calls("sendMessage");
    return calls.stream().filter(c -> c.chatId() >= FIRST_CHAT)
        .collect(Collectors.groupingBy(BotApiEmulator.Call::chatId, Collectors.counting()));
  }
}
