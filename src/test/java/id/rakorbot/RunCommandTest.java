package id.rakorbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
}
