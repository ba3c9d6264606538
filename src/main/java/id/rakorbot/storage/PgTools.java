package id.rakorbot.storage;

import id.rakorbot.config.DatabaseUrl;
import id.rakorbot.error.UserMistake;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own client programs ({@code pg_dump}, {@code pg_restore}), found and run for a database URL. Found in
 * {@code $RAKORBOT_PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin} (Debian and Ubuntu), else on the PATH;
 * one older than the server is refused with what to install, since PostgreSQL refuses it too. The password goes in
 * the child's environment, never on its command line.
 */
final class PgTools {

  static final String BIN_VARIABLE = "RAKORBOT_PG_BIN";
  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

  private final Path bin;
  private final int major;

  private PgTools(Path bin, int major) {
    this.bin = bin;
    this.major = major;
  }

  static PgTools find(Function<String, String> environment) {
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(environment.apply(BIN_VARIABLE)).filter(s -> !s.isBlank()).map(Path::of).ifPresent(candidates::add);
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      versions.map(v -> v.resolve("bin")).filter(Files::isDirectory)
          .sorted(Comparator.comparingInt(PgTools::numberOf).reversed()).forEach(candidates::add);
    } catch (IOException e) {
      // not Debian's layout
    }
    String path = environment.apply("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        candidates.add(Path.of(dir));
      }
    }
    for (Path dir : candidates) {
      if (Files.isExecutable(dir.resolve("pg_dump")) && Files.isExecutable(dir.resolve("pg_restore"))) {
        return new PgTools(dir, versionOf(dir.resolve("pg_dump")));
      }
    }
    throw new UserMistake("pg_dump dan pg_restore tidak ditemukan. Pasang klien PostgreSQL (Debian/Ubuntu: apt-get install"
        + " postgresql-client) atau tulis foldernya di " + BIN_VARIABLE + ", misalnya export " + BIN_VARIABLE + "=/usr/lib/postgresql/17/bin.");
  }

  /** pg_dump reads only servers of its own major version or older. */
  void requireAtLeast(int serverMajor) {
    if (major < serverMajor) {
      throw new UserMistake("pg_dump di " + bin + " versi " + major + ", sedangkan server PostgreSQL versi " + serverMajor
          + ". Pasang klien PostgreSQL " + serverMajor + " atau lebih baru, atau tunjuk foldernya dengan " + BIN_VARIABLE + ".");
    }
  }

  int major() {
    return major;
  }

  /** Runs {@code program} with the connection options of {@code url} and then {@code arguments}; its output if it fails. */
  void run(String program, DatabaseUrl url, List<String> arguments) {
    Connection c = Connection.of(url);
    List<String> command = new ArrayList<>(List.of(bin.resolve(program).toString(), "--host", c.host(), "--port", String.valueOf(c.port()),
        "--dbname", c.database(), "--no-password"));
    c.user().ifPresent(u -> command.addAll(List.of("--username", u)));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.remove("PGPASSWORD");
    c.password().ifPresent(p -> env.put("PGPASSWORD", p));
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(program + " gagal (kode " + exit + "): " + (output.length() > 2000 ? output.substring(0, 2000) + "…" : output));
      }
    } catch (IOException e) {
      throw new IllegalStateException(program + " tidak dapat dijalankan: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(program + " terhenti", e);
    }
  }

  private static int versionOf(Path pgDump) {
    try {
      Process process = new ProcessBuilder(pgDump.toString(), "--version").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      Matcher m = VERSION.matcher(output);
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static int numberOf(Path versionBin) {
    try {
      return Integer.parseInt(versionBin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Host, port, database and credentials of a JDBC URL, as libpq's programs take them. */
  record Connection(String host, int port, String database, Optional<String> user, Optional<String> password) {
    static Connection of(DatabaseUrl url) {
      URI uri = URI.create(url.jdbcUrl().substring("jdbc:".length()));
      Properties credentials = url.credentials();
      String path = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
      Map<String, String> query = new java.util.HashMap<>();
      if (uri.getRawQuery() != null) {
        for (String pair : uri.getRawQuery().split("&")) {
          String[] kv = pair.split("=", 2);
          query.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
      }
      Optional<String> user = Optional.ofNullable(credentials.getProperty("user")).or(() -> Optional.ofNullable(query.get("user")));
      Optional<String> password = Optional.ofNullable(credentials.getProperty("password")).or(() -> Optional.ofNullable(query.get("password")));
      return new Connection(uri.getHost() == null ? "localhost" : uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path, user, password);
    }
  }
}
