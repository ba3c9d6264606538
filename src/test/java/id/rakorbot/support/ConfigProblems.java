package id.rakorbot.support;

import id.rakorbot.Rakorbot;
import id.rakorbot.config.ConfigException;
import id.rakorbot.config.ConfigProblem;
import id.rakorbot.config.RakorbotConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A config text read with every feature's checks, as the bot reads its file. */
public final class ConfigProblems {

  private ConfigProblems() {}

  public static RakorbotConfig parse(String file, String yaml) {
    return Rakorbot.configLoader(Map.<String, String>of()::get).parse(Path.of(file), yaml);
  }

  /** The problems, as admins see them ("file:line:column: message"); fails when the text is accepted. */
  public static List<String> of(String file, String yaml) {
    try {
      parse(file, yaml);
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("expected the config to be rejected");
  }
}
