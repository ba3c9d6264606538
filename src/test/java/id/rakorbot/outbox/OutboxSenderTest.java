package id.rakorbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.storage.Database;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.telegram.TelegramJson;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/** The outbox against the emulator: Telegram's limits, order per chat, and nothing lost across a restart. */
class OutboxSenderTest {

  private static void queue(Jdbi jdbi, long chatId, String text) {
    jdbi.useTransaction(h -> new Outbox(TelegramJson.mapper(), () -> { }).enqueue(h, chatId, SendMessage.builder().chatId(chatId).text(text).build(), Priority.REPLY));
  }

  @Test
  void aBurstStaysWithinTelegramsLimitsAndKeepsEachChatsOrder() throws Exception {
    try (BotHarness bot = BotHarness.startWithTelegramLimits(BotHarness.CONFIG, java.time.Clock.systemUTC())) {
      BotApiEmulator api = bot.api();
      api.enforceTelegramLimits();
      List<Long> chats = IntStream.rangeClosed(1, 45).mapToObj(i -> -2000L - i).toList();
      for (long chat : chats) {
        queue(bot.jdbi(), chat, "halo " + chat);
      }
      for (int i = 1; i <= 3; i++) {
        queue(bot.jdbi(), -2001L, "urutan " + i);
      }

      await().atMost(Duration.ofSeconds(30)).until(() -> api.calls("sendMessage").size() == 48);
      assertThat(api.tooManyRequests()).isZero();
      assertThat(api.messagesTo(-2001L)).extracting(BotApiEmulator.Call::text)
          .containsExactly("halo -2001", "urutan 1", "urutan 2", "urutan 3");
      assertThat(chats).allMatch(chat -> api.messagesTo(chat).size() == (chat == -2001L ? 4 : 1));
    }
  }

  @Test
  void messagesQueuedWhileTheBotIsDownAreSentOnceAfterItStarts() throws Exception {
    try (BotHarness bot = BotHarness.start()) {
      BotApiEmulator api = bot.api();
      bot.stop();
      try (Database other = Database.connect(bot.databaseUrl(), 2)) {
        queue(other.jdbi(), -3001L, "tertunda 1");
        queue(other.jdbi(), -3002L, "tertunda 2");
      }

      bot.startAgain(java.time.Clock.systemUTC());

      api.awaitMessage(-3001L, text -> text.equals("tertunda 1"));
      api.awaitMessage(-3002L, text -> text.equals("tertunda 2"));
      bot.awaitQuiet();
      assertThat(api.messagesTo(-3001L)).hasSize(1);
      assertThat(api.messagesTo(-3002L)).hasSize(1);
    }
  }

  @Test
  void aServerErrorIsRetriedWithBackoffAndSentOnce() throws Exception {
    try (BotHarness bot = BotHarness.start()) {
      BotApiEmulator api = bot.api();
      api.failNext("sendMessage", 502, "Bad Gateway", null);
      queue(bot.jdbi(), -4001L, "setelah gangguan");

      api.awaitMessage(-4001L, text -> text.equals("setelah gangguan"));
      assertThat(api.calls()).anyMatch(c -> c.method().equals("sendmessage!502"));
      assertThat(api.messagesTo(-4001L)).hasSize(1);
    }
  }

  @Test
  void aGroupMovedToASupergroupGetsItsMessageUnderTheNewId() throws Exception {
    try (BotHarness bot = BotHarness.start()) {
      BotApiEmulator api = bot.api();
      long supergroup = -1004000999L;
      api.migrateChat(BotHarness.FKUB_BASIC_GROUP, supergroup);
      queue(bot.jdbi(), BotHarness.FKUB_BASIC_GROUP, "pengingat FKUB");

      api.awaitMessage(supergroup, text -> text.equals("pengingat FKUB"));
      Long stored = bot.jdbi().withHandle(h -> h.createQuery("SELECT chat_id FROM telegram_group WHERE config_id = 'fkub'")
          .mapTo(Long.class).one());
      assertThat(stored).isEqualTo(supergroup);
    }
  }
}
