package id.rakorbot.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The bot in a process of its own (the test's classpath), so that a test can kill it with SIGKILL. */
public final class BotProcess implements AutoCloseable {

  private final Process process;

  private BotProcess(Process process) {
    this.process = process;
  }

  public static BotProcess start(Path config, String apiUrl, String databaseUrl, Path log) throws IOException {
    return start(config, apiUrl, Optional.of(databaseUrl), log);
  }

  /** Without a database URL, the bot starts its embedded PostgreSQL. */
  public static BotProcess start(Path config, String apiUrl, Optional<String> databaseUrl, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "id.rakorbot.Main",
        "run", "--config", config.toString()));
    builder.environment().put("TELEGRAM_BOT_TOKEN", BotApiEmulator.TOKEN);
    builder.environment().put("TELEGRAM_API_URL", apiUrl);
    builder.environment().remove("DATABASE_URL");
    databaseUrl.ifPresent(url -> builder.environment().put("DATABASE_URL", url));
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return new BotProcess(builder.start());
  }

  /** SIGTERM, as Docker and systemd stop a service; returns how long the process took to exit. */
  public Duration terminate() throws InterruptedException {
    long start = System.nanoTime();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the bot did not stop within 30 s of SIGTERM");
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public int exitValue() {
    return process.exitValue();
  }

  /** kill -9: no shutdown hook, no finishing of anything in hand. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
