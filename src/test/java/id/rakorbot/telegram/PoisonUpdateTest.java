package id.rakorbot.telegram;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rakorbot.health.HealthReport;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Updates that PostgreSQL cannot store as sent, or that always make their handler fail, never stop the bot. */
class PoisonUpdateTest {

  @Test
  void aNulCharacterABrokenButtonAndAFailingUpdateAreSetAsideOrCleanedAndEveryoneElseIsAnswered() throws Exception {
    try (BotHarness bot = BotHarness.start()) {
      BotApiEmulator api = bot.api();
      api.privateText(ADMIN, "Rina", "/start");
      int nul = api.privateText(CAMAT, "Heri", "/bantuan halo\u0000dunia");
      api.pressButton(FORKOPIMDA, "Forkopimda", 77, ADMIN, "Rina", "r1:\u0000:h");
      int failing = api.send("message", messageWithoutChat()); // a handler bug: it throws every time
      api.privateText(555000222L, "Tamu", "/start");

      api.awaitMessage(ADMIN, text -> text.contains("Selamat datang"));
      api.awaitMessage(CAMAT, text -> text.contains("/lapor")); // the help text, despite the NUL
      api.awaitMessage(555000222L, text -> text.contains("belum terdaftar"));
      await().atMost(Duration.ofSeconds(20)).until(() -> api.calls("answerCallbackQuery").stream()
          .anyMatch(c -> c.params().path("text").asText().contains("tidak berlaku")));

      await().atMost(Duration.ofSeconds(30)).until(() -> setAside(bot, failing) == 1);
      String reason = bot.jdbi().withHandle(h -> h.createQuery("SELECT reason FROM inbox_set_aside WHERE update_id = :id")
          .bind("id", failing).mapTo(String.class).one());
      assertThat(reason).contains("NullPointerException", "at id.rakorbot.telegram.UpdateRouter");
      int attempts = bot.jdbi().withHandle(h -> h.createQuery("SELECT attempts FROM inbox_update WHERE update_id = :id")
          .bind("id", failing).mapTo(Integer.class).one());
      assertThat(attempts).isEqualTo(UpdateProcessor.MAX_ATTEMPTS);
      String stored = bot.jdbi().withHandle(h -> h.createQuery("SELECT payload -> 'message' ->> 'text' FROM inbox_update WHERE update_id = :id")
          .bind("id", nul).mapTo(String.class).one());
      assertThat(stored).isEqualTo("/bantuan halo\uFFFDdunia");

      HealthReport health = HealthReport.read(bot.jdbi(), Instant.now());
      assertThat(health.setAside()).isEqualTo(1);
      assertThat(health.lines()).anyMatch(line -> line.contains("disisihkan") && line.contains(": 1"));

      api.privateText(CAMAT, "Heri", "/start");
      await().atMost(Duration.ofSeconds(10)).until(() -> api.messagesTo(CAMAT).stream().anyMatch(c -> c.text().contains("Selamat datang")));
    }
  }

  private static long setAside(BotHarness bot, int updateId) {
    return bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM inbox_set_aside WHERE update_id = :id AND stage = 'process'")
        .bind("id", updateId).mapTo(Long.class).one());
  }

  private static ObjectNode messageWithoutChat() {
    ObjectNode message = JsonNodeFactory.instance.objectNode().put("message_id", 999).put("date", Instant.now().getEpochSecond());
    message.set("from", BotApiEmulator.user(CAMAT, "Heri"));
    message.put("text", "/start");
    return message;
  }
}
