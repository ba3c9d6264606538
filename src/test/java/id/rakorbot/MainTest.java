package id.rakorbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    return Main.execute(args, env::get, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void checkConfigOnTheShippedFileSucceedsWithASummary() {
    assertThat(run(Map.of(), "check-config")).isZero();
    assertThat(out.toString()).contains("Konfigurasi config/rakorbot.yaml valid.", "Asia/Jakarta (WIB)", "forkopimda", "Roster:");
  }

  @Test
  void checkConfigWithATypoFailsNamingTheLineAndASuggestion(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("rakorbot.yaml");
    Files.writeString(broken, Files.readString(Path.of("config/rakorbot.yaml")).replace("    chat_id: -1001000000002", "    chatid: -1001000000002"));

    assertThat(run(Map.of(), "check-config", "--config", broken.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(broken + ":", "kunci 'chatid' tidak dikenal. Maksud Anda 'chat_id'?");
  }

  @Test
  void theConfigFileCanComeFromTheEnvironment(@TempDir Path dir) throws Exception {
    Path copy = dir.resolve("lain.yaml");
    Files.copy(Path.of("config/rakorbot.yaml"), copy);

    assertThat(run(Map.of("RAKORBOT_CONFIG", copy.toString()), "check-config")).isZero();
    assertThat(out.toString()).contains("Konfigurasi " + copy + " valid.");
  }

  @Test
  void runWithoutATokenExplainsHowToGetOne() {
    assertThat(run(Map.of(), "run")).isEqualTo(2);
    assertThat(err.toString()).contains("@BotFather", "TELEGRAM_BOT_TOKEN").doesNotContain("Exception");
  }
}
