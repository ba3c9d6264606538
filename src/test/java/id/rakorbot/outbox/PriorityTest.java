package id.rakorbot.outbox;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.CAMAT_LURAH;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.report.Reporting;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotApiEmulator.Call;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import id.rakorbot.telegram.TelegramJson;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Classes and fair shares over the emulator with Telegram's limits and a 150 ms answer time: an alert overtakes
 * a long queue, and one user's flood of commands does not delay a group's reminder.
 */
class PriorityTest {

  @Test
  void aSiagaAlertReachesTheAlertGroupWithinFiveSecondsWhileFiveThousandMessagesWait() throws Exception {
    try (BotHarness bot = BotHarness.startWithTelegramLimits(BotHarness.CONFIG, Clock.systemUTC())) {
      BotApiEmulator api = bot.api();
      api.enforceTelegramLimits();
      api.answerAfter(Duration.ofMillis(150));
      Outbox outbox = new Outbox(TelegramJson.mapper(), () -> { });
      bot.jdbi().useTransaction(h -> {
        for (int i = 0; i < 2_500; i++) {
          long chat = 700_000_000L + i % 50;
          outbox.enqueue(h, chat, SendMessage.builder().chatId(chat).text("Balasan " + i).build(), Priority.REPLY);
          outbox.enqueueMergeable(h, FORKOPIMDA, SendMessage.builder().chatId(FORKOPIMDA).text("Salinan " + i).build(),
              Priority.BULK, Optional.empty(), Reporting.COPY_MERGE_KEY, "LAP-2026-" + i);
        }
      });
      await().atMost(Duration.ofSeconds(20)).until(() -> api.calls("sendMessage").size() >= 60); // the queue is being worked on

      long sentAt = System.nanoTime();
      api.privateText(CAMAT, "Heri", "/lapor tawuran siaga Potensi tawuran pelajar di Jl. Soekarno-Hatta");

      Call alert = api.awaitMessage(FORKOPIMDA, text -> text.contains("SIAGA"));
      double seconds = (alert.atNanos() - sentAt) / 1e9;
      System.out.printf("siaga alert behind 5,000 queued messages: %.2f s%n", seconds);
      assertThat(seconds).isLessThanOrEqualTo(5.0);
      long pending = bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox_message WHERE status = 'pending'")
          .mapTo(Long.class).one());
      assertThat(pending).as("the queue was still long when the alert overtook it").isGreaterThan(1_000);
      assertThat(api.tooManyRequests()).isZero();
    }
  }

  @Test
  void oneUsersHundredCommandsInAGroupDoNotDelayThatGroupsReminder() throws Exception {
    var clock = TestClocks.movableWib("2026-01-20T09:00:00"); // announced a week ahead
    try (BotHarness bot = BotHarness.startWithTelegramLimits(BotHarness.CONFIG + BotHarness.ONE_MEETING, clock)) {
      BotApiEmulator api = bot.api();
      api.enforceTelegramLimits();
      api.answerAfter(Duration.ofMillis(150));
      api.awaitMessage(CAMAT_LURAH, text -> text.contains("Jadwal pertemuan berikutnya"));
      bot.awaitQuiet();
      bot.jumpTo(clock, "2026-01-27T08:59:50");
      long flooder = 555000333L;
      for (int i = 0; i < 100; i++) {
        api.groupText(CAMAT_LURAH, "Camat dan Lurah", flooder, "Iseng", "/x" + i);
      }
      var due = ZonedDateTime.parse("2026-01-27T09:00+07:00[Asia/Jakarta]").toInstant();
      long dueNanos = System.nanoTime() + Duration.between(clock.instant(), due).toNanos();

      Call reminder = api.awaitMessage(CAMAT_LURAH, text -> text.contains("Pengingat H-1"));
      double late = (reminder.atNanos() - dueNanos) / 1e9;
      System.out.printf("reminder behind 100 commands of one user: %.2f s late%n", late);
      assertThat(late).isLessThanOrEqualTo(5.0);

      bot.awaitQuiet();
      List<Call> toFlooder = api.messagesTo(CAMAT_LURAH).stream()
          .filter(c -> c.text().contains("tidak dikenal") || c.text().contains("terlalu banyak perintah")).toList();
      assertThat(toFlooder).as("three answers and one note, not a hundred").hasSizeLessThanOrEqualTo(8)
          .anyMatch(c -> c.text().contains("terlalu banyak perintah"));
      api.groupText(CAMAT_LURAH, "Camat dan Lurah", ADMIN, "Rina", "/jadwal");
      api.awaitAnswer(CAMAT_LURAH, ADMIN, text -> text.contains("Rakor Tim Terpadu PKS") && !text.contains("Pengingat"));
      assertThat(api.tooManyRequests()).isZero();
    }
  }
}
