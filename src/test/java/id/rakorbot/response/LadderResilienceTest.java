package id.rakorbot.response;

import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.CAMAT_LURAH;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.Rakorbot;
import id.rakorbot.storage.Database;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The ladder across a restart between two levels, and with two instances sweeping at once: each level told once. */
class LadderResilienceTest {

  private final TestClocks.Movable clock = TestClocks.movableWib("2026-11-25T10:00:00");

  @Test
  void aRestartBetweenTwoLevelsTellsEachLevelOnce() throws Exception {
    try (BotHarness bot = BotHarness.start(ResponseTest.config(0), clock)) {
      report(bot);
      assertThat(sweepAt(bot.rakorbot(), "10:10:30")).isEqualTo(1);
      bot.awaitQuiet();
      bot.restart();
      assertThat(sweepAt(bot.rakorbot(), "10:11:00")).isZero();
      assertThat(sweepAt(bot.rakorbot(), "10:25:30")).isEqualTo(1);
      bot.awaitQuiet();
      bot.restart();
      assertThat(sweepAt(bot.rakorbot(), "10:40:00")).isZero();
      bot.awaitQuiet();
      assertThat(escalations(bot, ResponseTest.KAPOLRES, "Kota/Kabupaten")).isEqualTo(1);
      assertThat(escalations(bot, FORKOPIMDA, "Forkopimda")).isEqualTo(1);
    }
  }

  @Test
  void twoInstancesSweepingTogetherTellEachLevelOnceAndTheSurvivorCarriesOn() throws Exception {
    try (BotHarness bot = BotHarness.start(ResponseTest.config(0), clock);
        Database secondPool = Database.connect(bot.databaseUrl(), 4);
        Rakorbot second = bot.startAnotherInstance(secondPool)) {
      report(bot);
      move("10:10:30");
      for (int round = 0; round < 3; round++) { // both at once, three times over
        var first = CompletableFuture.supplyAsync(() -> bot.rakorbot().response().sweep());
        var other = CompletableFuture.supplyAsync(() -> second.response().sweep());
        assertThat(first.get() + other.get()).isEqualTo(round == 0 ? 1 : 0);
      }
      bot.awaitQuiet();
      bot.stop(); // the first instance led; the second takes over sending and carries the ladder on
      assertThat(sweepAt(second, "10:25:30")).isEqualTo(1);
      assertThat(sweepAt(second, "10:26:00")).isZero();
      await().atMost(Duration.ofSeconds(20)).until(() -> escalations(bot, FORKOPIMDA, "Forkopimda") == 1);
      assertThat(escalations(bot, ResponseTest.KAPOLRES, "Kota/Kabupaten")).isEqualTo(1);
      assertThat(escalations(bot, FORKOPIMDA, "Forkopimda")).isEqualTo(1);
      assertThat(bot.api().calls("sendMessage").stream().filter(c -> c.text().contains("Eskalasi")).count())
          .as("the city's two people and the Forkopimda group, nothing twice").isEqualTo(3);
    }
  }

  @Test
  void quietHoursHoldASiagaUntilMorningButNeverAnAwas() throws Exception {
    String quiet = ResponseTest.config(0).replace("  who_may_handle: [responder, pimpinan, admin]\n",
        "  who_may_handle: [responder, pimpinan, admin]\n  quiet_hours: \"22:00-05:00\"\n");
    assertThat(quiet).contains("quiet_hours");
    try (BotHarness bot = BotHarness.start(quiet, clock)) {
      move("21:50:00");
      bot.api().privateText(CAMAT, "Heri", "/lapor konflik siaga Ketegangan antarwarga di Jl. Merdeka");
      bot.api().awaitMessage(CAMAT_LURAH, t -> t.contains("Ketegangan antarwarga"));
      move("23:00:00");
      bot.api().privateText(CAMAT, "Heri", "/lapor konflik awas Bentrok antarwarga di Jl. Merdeka");
      bot.api().awaitMessage(CAMAT_LURAH, t -> t.contains("Bentrok antarwarga"));
      bot.awaitQuiet();
      assertThat(sweepAt(bot.rakorbot(), "22:21:00")).as("the siaga's 30 minutes ran out at 22:20, in quiet hours").isZero();
      assertThat(sweepAt(bot.rakorbot(), "23:10:30")).as("the awas climbs at +10 min, at night too").isEqualTo(1);
      assertThat(sweepAt(bot.rakorbot(), "23:25:30")).as("and to Forkopimda at +25").isEqualTo(1);
      clock.moveTo(ZonedDateTime.parse("2026-11-26T04:59:30+07:00[Asia/Jakarta]").toInstant());
      assertThat(bot.rakorbot().response().sweep()).isZero();
      clock.moveTo(ZonedDateTime.parse("2026-11-26T05:00:30+07:00[Asia/Jakarta]").toInstant());
      assertThat(bot.rakorbot().response().sweep()).as("the siaga, once the quiet hours end").isEqualTo(1);
      bot.awaitQuiet();
      assertThat(bot.api().messagesTo(ResponseTest.KAPOLRES).stream().filter(c -> c.text().contains("Eskalasi")).map(c -> c.text())
          .toList()).hasSize(2).anySatisfy(t -> assertThat(t).contains("Bentrok")).anySatisfy(t -> assertThat(t).contains("Ketegangan"));
    }
  }

  private void report(BotHarness bot) {
    bot.api().privateText(CAMAT, "Heri", "/lapor konflik awas Bentrok antarwarga di Jl. Merdeka");
    bot.api().awaitMessage(CAMAT_LURAH, t -> t.contains("Bentrok antarwarga"));
    bot.awaitQuiet();
  }

  private void move(String time) {
    clock.moveTo(ZonedDateTime.parse("2026-11-25T" + time + "+07:00[Asia/Jakarta]").toInstant());
  }

  private int sweepAt(Rakorbot rakorbot, String time) {
    move(time);
    return rakorbot.response().sweep();
  }

  private static long escalations(BotHarness bot, long chatId, String level) {
    return bot.api().messagesTo(chatId).stream().filter(c -> c.text().contains("Eskalasi ke " + level)).count();
  }
}
