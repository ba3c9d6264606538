package id.rakorbot.config;

import id.rakorbot.error.RakorbotException;
import java.util.List;
import java.util.stream.Collectors;

/** The config file cannot be used; each problem names file, line and column. */
public final class ConfigException extends RakorbotException {

  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
