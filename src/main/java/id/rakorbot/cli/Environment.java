package id.rakorbot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Environment variables, each also readable from a file named by {@code NAME_FILE} (Docker and Compose
 * secrets are files under {@code /run/secrets}): a token or password kept that way never shows in
 * {@code docker inspect} or a process listing. A variable set directly wins.
 */
public final class Environment implements Function<String, String> {

  private final Function<String, String> variables;

  public Environment(Function<String, String> variables) {
    this.variables = variables;
  }

  @Override
  public String apply(String name) {
    String value = variables.apply(name);
    if (value != null) {
      return value;
    }
    String file = variables.apply(name + "_FILE");
    if (file == null || file.isBlank()) {
      return null;
    }
    try {
      return Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Berkas " + name + "_FILE=" + file + " tidak dapat dibaca: " + e.getMessage(), e);
    }
  }
}
