package id.rakorbot.digest;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT_LURAH;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.Rakorbot;
import id.rakorbot.storage.Database;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The digest over Telegram: /rekap, and the weekly Quartz job with two instances on one database. */
class DigestDeliveryTest {

  private static long digests(BotApiEmulator api, long chat) {
    return api.messagesTo(chat).stream().filter(c -> c.text().contains("Rekap Mingguan")).count();
  }

  @Test
  void rekapInAGroupAnswersTheAskerAloneWithTheDigest() throws Exception {
    try (BotHarness bot = BotHarness.start()) {
      BotApiEmulator api = bot.api();
      api.groupText(FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/lapor tawuran siaga Keributan di alun-alun #klojen");
      api.awaitMessage(FORKOPIMDA, text -> text.contains("tercatat"));
      api.groupText(FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/rekap");

      var digest = api.awaitAnswer(FORKOPIMDA, ADMIN, text -> text.contains("Rekap Mingguan"));
      assertThat(digest.text()).contains("Forkopimda Kota Malang", "<b>Laporan masuk: 1</b>", "Tawuran: 1", "Wilayah terbanyak</b>: Klojen 1", "Tanpa laporan sama sekali: Kauman, Blimbing");
      assertThat(digest.params().path("ephemeral_message_parameters").path("receiver_user_id").asLong()).isEqualTo(ADMIN);
      bot.awaitQuiet();
      assertThat(digests(api, FORKOPIMDA)).as("the group reads its digest on Mondays, not at every /rekap").isZero();
      assertThat(api.calls("sendPhoto")).noneMatch(c -> c.chatId() == FORKOPIMDA);

      api.groupText(FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/rekap 2026-W60");
      api.awaitAnswer(FORKOPIMDA, ADMIN, text -> text.contains("hanya punya 53 pekan"));
    }
  }

  @Test
  void theWeeklyJobSendsOneDigestPerGroupAlsoWithTwoInstances() throws Exception {
    try (BotHarness bot = BotHarness.start();
        Database secondPool = Database.connect(bot.databaseUrl(), 4);
        Rakorbot second = bot.startAnotherInstance(secondPool)) {
      BotApiEmulator api = bot.api();
      // One one-shot trigger per zone, for all its groups, named after the week it sums up: the week before
      // the next Monday 07:00 WIB.
      java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Jakarta"));
      java.time.ZonedDateTime monday = now.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY))
          .withHour(7).withMinute(0).withSecond(0).withNano(0);
      Week week = Week.containing((monday.isAfter(now) ? monday : monday.plusWeeks(1)).toInstant(), now.getZone()).minus(1);
      assertThat(digestTriggers(bot)).containsExactly("Asia/Jakarta/" + week.label());

      // Make it that Monday 07:00 for Quartz: the trigger is due now, on whichever instance acquires it.
      bot.jdbi().useHandle(h -> h.createUpdate("UPDATE qrtz_triggers SET next_fire_time = :now WHERE trigger_group = 'digest'")
          .bind("now", System.currentTimeMillis()).execute());

      await().atMost(Duration.ofSeconds(30)).until(() -> digests(api, FORKOPIMDA) >= 1 && digests(api, CAMAT_LURAH) >= 1);
      bot.awaitQuiet();
      assertThat(digests(api, FORKOPIMDA)).isEqualTo(1);
      assertThat(digests(api, CAMAT_LURAH)).isEqualTo(1);
      // The CSV and the printable PDF for each group, to the admin.
      await().atMost(Duration.ofSeconds(30)).until(() -> api.calls("sendDocument").stream().filter(c -> c.chatId() == ADMIN).count() >= 6);
      assertThat(api.calls("sendDocument")).filteredOn(c -> c.chatId() == ADMIN).hasSize(6)
          .filteredOn(c -> c.params().toString().contains("rekap-forkopimda-" + week.label() + ".pdf")).hasSize(1);
      assertThat(api.calls("sendDocument")).filteredOn(c -> c.chatId() == ADMIN && c.params().toString().contains(".csv")).hasSize(3);
      assertThat(second).isNotNull();
      assertThat(api.messagesTo(FORKOPIMDA)).anyMatch(c -> c.text().contains("pekan " + week.label()));
    }
  }

  private static List<String> digestTriggers(BotHarness bot) {
    return bot.jdbi().withHandle(h -> h.createQuery("SELECT trigger_name FROM qrtz_triggers WHERE trigger_group = 'digest' ORDER BY 1")
        .mapTo(String.class).list());
  }
}
