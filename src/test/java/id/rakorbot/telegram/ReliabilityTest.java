package id.rakorbot.telegram;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TcpProxy;
import id.rakorbot.support.TestDatabase;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;

/** Nothing lost, nothing twice: duplicate deliveries, restarts, database outages, Telegram errors. */
class ReliabilityTest {

  @Test
  void anUpdateDeliveredAgainAfterARestartIsProcessedOnce() throws Exception {
    try (BotHarness bot = BotHarness.start()) {
      BotApiEmulator api = bot.api();
      api.privateText(CAMAT, "Heri", "/start");
      api.awaitMessage(CAMAT, text -> text.contains("Selamat datang"));

      api.forgetConfirmations(); // Telegram hands the same update to the next run
      bot.restart();
      api.privateText(CAMAT, "Heri", "/bantuan");
      api.awaitMessage(CAMAT, text -> text.contains("Perintah Rakorbot"));

      assertThat(api.messagesTo(CAMAT)).filteredOn(c -> c.text().contains("Selamat datang")).hasSize(1);
      Integer stored = bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM inbox_update").mapTo(Integer.class).one());
      assertThat(stored).isEqualTo(2);
    }
  }

  @Test
  void aDatabaseOutageMidStreamLosesNoUpdate() throws Exception {
    TestDatabase schema = TestDatabase.create();
    try (TcpProxy proxy = new TcpProxy(schema.serverHostPort());
        BotHarness bot = BotHarness.start(schema, schema.urlVia(proxy.hostPort()))) {
      BotApiEmulator api = bot.api();
      api.privateText(CAMAT, "Heri", "/start");
      api.awaitMessage(CAMAT, text -> text.contains("Selamat datang"));

      ListAppender<ILoggingEvent> pollerLog = new ListAppender<>();
      pollerLog.start();
      Logger poller = (Logger) LoggerFactory.getLogger(Poller.class);
      poller.addAppender(pollerLog);
      proxy.cut();
      int first = api.privateText(ADMIN, "Rina", "/start");
      api.privateText(ADMIN, "Rina", "/bantuan");
      api.privateText(CAMAT, "Heri", "/bantuan");
      // While the database is down the poller, holding the batch, must not confirm it to Telegram. Each failed
      // store may first wait out the pool's 5 s connection timeout, so two of them can take over 10 s.
      await().atMost(Duration.ofSeconds(20)).until(() -> List.copyOf(pollerLog.list).stream()
          .filter(e -> e.getFormattedMessage().startsWith("Could not store")).count() >= 2);
      poller.detachAppender(pollerLog);
      assertThat(api.confirmedOffset()).isLessThanOrEqualTo(first);
      assertThat(api.messagesTo(ADMIN)).isEmpty();

      proxy.restore();
      api.awaitMessage(ADMIN, text -> text.contains("Selamat datang"));
      api.awaitMessage(ADMIN, text -> text.contains("Perintah Rakorbot"));
      api.awaitMessage(CAMAT, text -> text.contains("Perintah Rakorbot"));
      bot.awaitQuiet();
      assertThat(api.messagesTo(ADMIN)).hasSize(2);
      assertThat(api.messagesTo(CAMAT)).hasSize(2);
    }
  }

  @Test
  void aReplyRefusedWith429IsSentOnceAfterRetryAfter() throws Exception {
    try (BotHarness bot = BotHarness.start()) {
      BotApiEmulator api = bot.api();
      api.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);
      api.privateText(CAMAT, "Heri", "/start");

      api.awaitMessage(CAMAT, text -> text.contains("Selamat datang"));
      assertThat(api.calls()).anyMatch(c -> c.method().equals("sendmessage!429"));
      assertThat(api.messagesTo(CAMAT)).hasSize(1);
      // The message reached Telegram a moment before its outcome is recorded: wait for the record.
      await().atMost(Duration.ofSeconds(5)).until(() -> bot.jdbi().withHandle(h -> h.createQuery(
          "SELECT status = 'sent' AND last_error IS NULL FROM outbox_message WHERE chat_id = :c")
          .bind("c", CAMAT).mapTo(Boolean.class).one()));
    }
  }

  @Test
  void aChatThatRemovedTheBotMarksTheMessageDeadAndTheGroupInactive() throws Exception {
    try (BotHarness bot = BotHarness.start()) {
      BotApiEmulator api = bot.api();
      api.failNext("sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat", null);
      api.groupText(BotHarness.FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/start");

      await().atMost(Duration.ofSeconds(10)).until(() -> bot.jdbi().withHandle(h ->
          h.createQuery("SELECT status FROM outbox_message WHERE chat_id = :c").bind("c", BotHarness.FORKOPIMDA)
              .mapTo(String.class).findOne().orElse("")).equals("dead"));
      Boolean active = bot.jdbi().withHandle(h -> h.createQuery("SELECT active FROM telegram_group WHERE chat_id = :c")
          .bind("c", BotHarness.FORKOPIMDA).mapTo(Boolean.class).one());
      assertThat(active).isFalse();
    }
  }
}
