package id.rakorbot;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.support.BotHarness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The two Indonesian guides stay true: every command line they give parses as written (the ones that do
 * something are run for real by InitCommandTest, RosterBindingTest and CI's check-config), and every bot command
 * they name is one the bot offers in its menu.
 */
class PanduanTest {

  static final List<Path> GUIDES = List.of(Path.of("docs/panduan-admin.md"), Path.of("docs/panduan-pengguna.md"),
      Path.of("docs/pelindungan-data.md"));

  @Test
  void everyCommandLineInTheGuidesParses() throws Exception {
    List<String> lines = new ArrayList<>();
    for (Path guide : GUIDES) {
      Matcher m = Pattern.compile("java -jar target/rakorbot\\.jar ([^`\\n]+)").matcher(Files.readString(guide));
      while (m.find()) {
        lines.add(m.group(1).strip());
      }
    }
    assertThat(lines).anyMatch(l -> l.startsWith("init")).anyMatch(l -> l.startsWith("roster invite"))
        .anyMatch(l -> l.startsWith("check-config")).anyMatch(l -> l.startsWith("run"));
    for (String line : lines) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      String[] args = tokens(line + " --help");
      assertThat(Main.execute(args, Map.<String, String>of()::get, new PrintWriter(out, true), new PrintWriter(err, true)))
          .as(line + ": " + err).isZero();
    }
  }

  @Test
  void everyBotCommandInTheGuidesIsInTheBotsMenu() throws Exception {
    Set<String> named = new java.util.TreeSet<>();
    for (Path guide : GUIDES) {
      Matcher m = Pattern.compile("`/([a-z_]+)").matcher(Files.readString(guide));
      while (m.find()) {
        named.add(m.group(1));
      }
    }
    assertThat(named).contains("start", "lapor", "anggota", "hadir", "dasbor", "tl", "arahan", "bantuan");
    try (BotHarness bot = BotHarness.start()) {
      bot.awaitQuiet();
      Set<String> menu = bot.api().calls("setMyCommands").getLast().params().path("commands").findValuesAsText("command")
          .stream().collect(Collectors.toSet());
      named.removeAll(Set.of("newbot", "setjoingroups")); // @BotFather's, in the admin's first step
      assertThat(menu).containsAll(named);
    }
  }

  /** Splits a command line on spaces, keeping "quoted words" together. */
  private static String[] tokens(String line) {
    List<String> tokens = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
    while (m.find()) {
      tokens.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return tokens.toArray(String[]::new);
  }
}
