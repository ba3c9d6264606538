package id.rakorbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.BotProcess;
import id.rakorbot.support.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rakorbot run} as an admin starts it: everything from the environment, against the emulator. */
class RunCommandTest {

  @Test
  void runAnswersStartLeavesAnUndeclaredGroupAndStopsCleanly(@TempDir Path dir) throws Exception {
    try (TestDatabase schema = TestDatabase.create(); BotApiEmulator api = new BotApiEmulator()) {
      Path config = dir.resolve("rakorbot.yaml");
      Files.writeString(config, BotHarness.CONFIG + "database:\n  url: ${DATABASE_URL}\n");
      Map<String, String> env = Map.of(
          "TELEGRAM_BOT_TOKEN", BotApiEmulator.TOKEN,
          "TELEGRAM_API_URL", api.url(),
          "DATABASE_URL", schema.jdbcUrlWithCredentials(),
          "RAKORBOT_CONFIG", config.toString());
      CountDownLatch stop = new CountDownLatch(1);
      StringWriter err = new StringWriter();
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
          Main.execute(new String[] {"run"}, env::get, new PrintWriter(new StringWriter()), new PrintWriter(err), stop));

      api.privateText(BotHarness.CAMAT, "Heri", "/start");
      api.groupText(BotHarness.FORKOPIMDA, "Forkopimda", BotHarness.ADMIN, "Rina", "/start");
      api.botAdded(-1007777000001L, "Grup Tak Dikenal", BotHarness.ADMIN);

      api.awaitMessage(BotHarness.CAMAT, text -> text.contains("Heri Susanto"));
      api.awaitMessage(BotHarness.FORKOPIMDA, text -> text.contains("Rakorbot aktif"));
      await().atMost(Duration.ofSeconds(20)).until(() -> !api.calls("leaveChat").isEmpty());

      stop.countDown();
      assertThat(exit.get(10, TimeUnit.SECONDS)).as(err.toString()).isZero();
    }
  }

  /** Defect 6: a Bot API that fails at start (network, 5xx) is waited out; the bot starts when it answers. */
  @Test
  void aTelegramOutageAtStartIsWaitedOut(@TempDir Path dir) throws Exception {
    try (TestDatabase schema = TestDatabase.create(); BotApiEmulator api = new BotApiEmulator()) {
      api.failNext("getMe", 502, "Bad Gateway", null);
      api.failNext("getMe", 502, "Bad Gateway", null);
      CountDownLatch stop = new CountDownLatch(1);
      StringWriter err = new StringWriter();
      Map<String, String> env = environment(dir, api, schema, BotApiEmulator.TOKEN);
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
          Main.execute(new String[] {"run"}, env::get,
              new PrintWriter(new StringWriter()), new PrintWriter(err), stop));

      api.privateText(BotHarness.CAMAT, "Heri", "/start");
      api.awaitMessage(BotHarness.CAMAT, text -> text.contains("Heri Susanto"));
      assertThat(exit).isNotDone();

      stop.countDown();
      assertThat(exit.get(10, TimeUnit.SECONDS)).as(err.toString()).isZero();
    }
  }

  /** Defect 6: only a refused token ends the start, with one sentence that says what to do. */
  @Test
  void aRefusedTokenEndsTheStartWithOneClearSentence(@TempDir Path dir) throws Exception {
    try (TestDatabase schema = TestDatabase.create(); BotApiEmulator api = new BotApiEmulator()) {
      StringWriter err = new StringWriter();
      int exit = Main.execute(new String[] {"run"}, environment(dir, api, schema, "123456:WRONG")::get,
          new PrintWriter(new StringWriter()), new PrintWriter(err, true), new CountDownLatch(1));

      assertThat(exit).isEqualTo(1);
      assertThat(err.toString().strip()).startsWith("Token bot ditolak").contains("TELEGRAM_BOT_TOKEN").doesNotContain("WRONG")
          .doesNotContain("Exception").hasLineCount(1);
    }
  }

  /**
   * Defect 5: the embedded PostgreSQL starts here although the tests run as root; SIGTERM stops the loops
   * before the database, so nothing warns about a vanished connection, and the process exits within 2 s.
   */
  @Test
  void theEmbeddedDatabaseStartsAnywhereAndStopsAfterTheLoops(@TempDir Path dir) throws Exception {
    try (BotApiEmulator api = new BotApiEmulator()) {
      Path config = dir.resolve("rakorbot.yaml");
      Files.writeString(config, BotHarness.CONFIG + "database:\n  url: ''\n  embedded_data_dir: " + dir.resolve("data") + "\n");
      Path log = dir.resolve("bot.log");
      try (BotProcess bot = BotProcess.start(config, api.url(), Optional.empty(), log)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("is running"));
        api.privateText(BotHarness.CAMAT, "Heri", "/start");
        api.awaitMessage(BotHarness.CAMAT, text -> text.contains("Heri Susanto"));

        Duration stopping = bot.terminate();

        String output = Files.readString(log);
        assertThat(output).contains("Embedded PostgreSQL started").doesNotContain(" WARN ").doesNotContain(" ERROR ");
        assertThat(stopping).as(output).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(bot.exitValue()).as("128 + SIGTERM, as for any JVM ended by a signal").isEqualTo(143);
      }
    }
  }

  private static Map<String, String> environment(Path dir, BotApiEmulator api, TestDatabase schema, String token) throws Exception {
    Path config = dir.resolve("rakorbot.yaml");
    Files.writeString(config, BotHarness.CONFIG + "database:\n  url: ${DATABASE_URL}\n");
    return Map.of("TELEGRAM_BOT_TOKEN", token, "TELEGRAM_API_URL", api.url(),
        "DATABASE_URL", schema.jdbcUrlWithCredentials(), "RAKORBOT_CONFIG", config.toString());
  }
}
