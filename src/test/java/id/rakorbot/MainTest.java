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

  /** Defect 9: help in every form, in Indonesian. */
  @Test
  void helpWorksForEveryCommandInIndonesian() {
    for (String[] args : new String[][] {{"help"}, {"--help"}, {"run", "--help"}, {"digest", "--help"}, {"help", "digest"},
        {"check-config", "-h"}, {"health", "--help"}}) {
      out.getBuffer().setLength(0);
      assertThat(run(Map.of(), args)).as(String.join(" ", args) + err).isZero();
      assertThat(out.toString()).as(String.join(" ", args)).startsWith("Pemakaian: rakorbot")
          .contains("Pilihan:", "Menampilkan bantuan ini lalu keluar.")
          .doesNotContain("Usage", "Show this help", "Options:", "Commands:");
    }
    out.getBuffer().setLength(0);
    run(Map.of(), "help", "digest");
    assertThat(out.toString()).contains("--week=PEKAN", "--out=FOLDER");
  }

  @Test
  void aMistypedCommandLineIsExplainedInIndonesian() {
    assertThat(run(Map.of(), "digest", "--week", "2026-W47")).isEqualTo(2);
    assertThat(err.toString()).startsWith("Pilihan wajib belum diisi: --group, --out.").contains("Pemakaian: rakorbot digest");
    err.getBuffer().setLength(0);
    assertThat(run(Map.of(), "jalankan")).isEqualTo(2);
    assertThat(err.toString()).startsWith("Perintah atau pilihan tidak dikenal: jalankan.");
  }

  /** Defect 9: {@code --out} naming a file is answered in one sentence, not a stack trace. */
  @Test
  void digestOutNamingAFileSaysSo(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("rekap.txt"), "sudah ada");
    assertThat(run(Map.of(), "digest", "--group", "forkopimda", "--week", "2026-W47", "--out", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("sudah ada berkas dengan nama itu", "--out").doesNotContain("Exception", "\tat ");
  }

  /** Defect 7: a Bot API address with credentials is shown without them. */
  @Test
  void checkConfigHidesCredentialsInTheBotApiAddress() {
    assertThat(run(Map.of("TELEGRAM_API_URL", "https://ops:rahasia@botapi.example.go.id:8081"), "check-config")).isZero();
    assertThat(out.toString()).contains("Bot API: https://***@botapi.example.go.id:8081").doesNotContain("rahasia", "ops:");
  }

  /** Docker secrets: a variable may come from the file NAME_FILE names, so it never shows in docker inspect. */
  @Test
  void aVariableCanComeFromASecretFile(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("api_url"), "https://ops:rahasia@botapi.example.go.id:8443\n");
    assertThat(run(Map.of("TELEGRAM_API_URL_FILE", secret.toString()), "check-config")).isZero();
    assertThat(out.toString()).contains("Bot API: https://***@botapi.example.go.id:8443");
  }
}
