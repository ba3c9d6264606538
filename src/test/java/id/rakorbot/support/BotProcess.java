package id.rakorbot.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The bot in a process of its own (the test's classpath), so that a test can kill it with SIGKILL. */
public final class BotProcess implements AutoCloseable {

  private final Process process;

  private BotProcess(Process process) {
    this.process = process;
  }

  public static BotProcess start(Path config, String apiUrl, String databaseUrl, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "id.rakorbot.Main",
        "run", "--config", config.toString()));
    builder.environment().put("TELEGRAM_BOT_TOKEN", BotApiEmulator.TOKEN);
    builder.environment().put("TELEGRAM_API_URL", apiUrl);
    builder.environment().put("DATABASE_URL", databaseUrl);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return new BotProcess(builder.start());
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
