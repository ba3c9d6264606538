package id.rakorbot;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.config.ConfigException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's examples, run as written: the {@code check-config} sample on the shipped config at the moment its
 * command names, and the mistake it shows with file, line and column. So the samples cannot go stale.
 */
class ReadmeTest {

  private static final Pattern CHECK_CONFIG = Pattern.compile(
      "```sh\\n(java -jar target/rakorbot\\.jar check-config[^\\n]*)\\n```\\n\\n```\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern MISTAKE = Pattern.compile(
      "written as `([a-z_]+)`[^\\n]*:\\n\\n```\\n(Konfigurasi tidak valid:\\n.*?)```", Pattern.DOTALL);

  @Test
  void theCheckConfigSampleIsWhatTheShippedConfigPrints() throws Exception {
    Matcher sample = CHECK_CONFIG.matcher(readme());
    assertThat(sample.find()).as("a check-config command and its output in the README").isTrue();
    String[] args = Arrays.copyOfRange(sample.group(1).split(" "), 3, sample.group(1).split(" ").length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = Main.execute(args, Map.<String, String>of()::get, new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(err.toString()).isEmpty();
    assertThat(exit).isZero();
    assertThat(out.toString()).isEqualTo(sample.group(2));
  }

  @Test
  void theMistakeSampleIsWhatTheLoaderSaysAboutIt() throws Exception {
    Matcher sample = MISTAKE.matcher(readme());
    assertThat(sample.find()).as("a config mistake and its message in the README").isTrue();
    String shipped = Files.readString(Path.of("config/rakorbot.yaml"));
    String broken = shipped.replaceFirst("\\n    chat_id:", "\n    " + sample.group(1) + ":");
    StringWriter err = new StringWriter();
    try {
      Rakorbot.configLoader(Map.<String, String>of()::get).parse(Path.of("config/rakorbot.yaml"), broken);
      throw new AssertionError("the broken config loaded");
    } catch (ConfigException e) {
      Main.configError(e, new PrintWriter(err, true));
    }
    assertThat(err.toString()).isEqualTo(sample.group(2));
  }

  private static String readme() throws Exception {
    return Files.readString(Path.of("README.md"));
  }
}
