package id.rakorbot.config;

import java.nio.file.Path;

/** One thing wrong in a config file, where it is, and how to fix it. */
public record ConfigProblem(Path file, int line, int column, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
