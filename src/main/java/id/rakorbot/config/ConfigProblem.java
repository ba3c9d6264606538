package id.rakorbot.config;

import java.nio.file.Path;

/** One thing wrong in a config file, where it is, and how to fix it. */
public record ConfigProblem(Path file, int line, int column, String message) {

  /** A problem in a cell of the roster spreadsheet; {@code column} counts from 1 (A). */
  public static ConfigProblem inSheet(Path file, int row, int column, String message) {
    return new ConfigProblem(file, row, column, message);
  }

  /** Whether the file is a spreadsheet (rows and lettered columns) rather than YAML. */
  public boolean inSpreadsheet() {
    String name = file == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".xlsx") || name.endsWith(".csv");
  }

  /** "baris 14 kolom F" in a spreadsheet, "baris 14, kolom 6" in YAML. */
  public String place() {
    return inSpreadsheet() ? "baris " + line + (column > 0 ? " kolom " + columnLetter(column) : "") : "baris " + line + ", kolom " + column;
  }

  static String columnLetter(int column) {
    StringBuilder letters = new StringBuilder();
    for (int n = column; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  @Override
  public String toString() {
    return inSpreadsheet() ? file.getFileName() + " " + place() + ": " + message : file + ":" + line + ":" + column + ": " + message;
  }
}
