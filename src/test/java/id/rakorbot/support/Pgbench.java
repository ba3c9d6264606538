package id.rakorbot.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own {@code pgbench}, run against a test schema: the database's speed on this machine, in the
 * same run as a benchmark of ours, as the baseline to compare with.
 */
public final class Pgbench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

  private Pgbench() {}

  /** Runs {@code script} with one client for {@code seconds} in {@code schema}; returns transactions per second. */
  public static double singleClientTps(TestDatabase schema, String script, int seconds) throws IOException, InterruptedException {
    Path file = Files.createTempFile("pgbench", ".sql");
    Files.writeString(file, script);
    var server = schema.serverAddress();
    var builder = new ProcessBuilder(List.of("pgbench", "-n", "-c", "1", "-T", String.valueOf(seconds), "-f", file.toString(),
        "-h", server.host(), "-p", String.valueOf(server.port()), "-U", server.user(), server.database()));
    builder.environment().put("PGOPTIONS", "-c search_path=" + schema.name());
    server.password().ifPresent(password -> builder.environment().put("PGPASSWORD", password));
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed: " + output);
    }
    Matcher tps = TPS.matcher(output);
    if (!tps.find()) {
      throw new IllegalStateException("no tps in pgbench's output: " + output);
    }
    return Double.parseDouble(tps.group(1));
  }
}
