package id.rakorbot.cluster;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.Rakorbot;
import id.rakorbot.storage.Database;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two instances of one bot: one polls and sends, and when it stops the other does, within seconds. */
class TwoInstancesTest {

  @Test
  void theStandbyTakesOverPollingAndSendingWhenTheLeaderStops() throws Exception {
    try (BotHarness bot = BotHarness.start();
        Database secondPool = Database.connect(bot.databaseUrl(), 4);
        Rakorbot second = bot.startAnotherInstance(secondPool)) {
      BotApiEmulator api = bot.api();
      api.privateText(CAMAT, "Heri", "/start");
      api.awaitMessage(CAMAT, text -> text.contains("Heri Susanto"));
      await().atMost(Duration.ofSeconds(20)).until(() -> leaders(bot).size() == 1 && instances(bot) == 2);

      bot.stop(); // the first instance led: it started first
      long stopped = System.nanoTime();
      api.privateText(ADMIN, "Rina", "/start");

      api.awaitMessage(ADMIN, text -> text.contains("Rina Wulandari"));
      assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThanOrEqualTo(Duration.ofSeconds(10));
      assertThat(api.messagesTo(ADMIN)).hasSize(1);
      assertThat(second).isNotNull();
    }
  }

  private static List<Boolean> leaders(BotHarness bot) {
    return bot.jdbi().withHandle(h -> h.createQuery("SELECT leader FROM bot_heartbeat WHERE leader").mapTo(Boolean.class).list());
  }

  private static int instances(BotHarness bot) {
    return bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM bot_heartbeat").mapTo(Integer.class).one());
  }
}
