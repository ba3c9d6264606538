package id.rakorbot.storage;

import id.rakorbot.error.UserMistake;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code backup} and {@code restore}: a consistent dump in pg_dump's custom format (pg_dump reads one snapshot, so
 * the bot may keep running), sealed when {@code RAKORBOT_BACKUP_PASSPHRASE} is set; a restore only into a database
 * that holds no table yet, so that a mistyped URL cannot mix two regencies' data.
 */
public final class Backups {

  public static final String PASSPHRASE_VARIABLE = "RAKORBOT_BACKUP_PASSPHRASE";
  /** The tables whose counts {@code backup} and {@code restore} print, to compare the two. */
  public static final List<String> COUNTED = List.of("report", "rsvp_answer", "schedule_occurrence", "follow_up", "reporter",
      "roster_binding", "alert", "audit_log", "outbox_message", "inbox_update");

  private Backups() {}

  /** What was written: its size, whether sealed, and the row counts at the time. */
  public record Written(long bytes, boolean sealed, Map<String, Long> counts) {}

  public static Written backup(DatabaseServer server, Path out, Function<String, String> environment) {
    PgTools tools = PgTools.find(environment);
    Jdbi jdbi = Database.unpooled(server.url());
    tools.requireAtLeast(serverMajor(jdbi));
    Optional<char[]> passphrase = passphrase(environment);
    Map<String, Long> counts = counts(jdbi);
    try {
      Path folder = out.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path dump = Files.createTempFile(folder, ".rakorbot-backup-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        tools.run("pg_dump", server.url(), List.of("--format=custom", "--no-owner", "--no-acl", "--file", dump.toString()));
        if (passphrase.isPresent()) {
          Path sealed = Files.createTempFile(folder, ".rakorbot-backup-", ".aes", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          try (InputStream in = Files.newInputStream(dump); OutputStream sealedOut = Files.newOutputStream(sealed)) {
            BackupCipher.seal(in, sealedOut, passphrase.get());
          }
          Files.move(sealed, dump, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(dump, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(dump);
      }
      return new Written(Files.size(out), passphrase.isPresent(), counts);
    } catch (IOException e) {
      throw new UncheckedIOException("Cadangan tidak dapat ditulis ke " + out + ": " + e.getMessage(), e);
    }
  }

  /** Loads {@code file} into the empty database of {@code server}; the row counts after. */
  public static Map<String, Long> restore(DatabaseServer server, Path file, Function<String, String> environment) {
    if (!Files.isRegularFile(file)) {
      throw new UserMistake("Berkas cadangan " + file + " tidak ada.");
    }
    PgTools tools = PgTools.find(environment);
    Jdbi jdbi = Database.unpooled(server.url());
    long tables = jdbi.withHandle(h -> h.createQuery(
        "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')").mapTo(Long.class).one());
    if (tables > 0) {
      throw new UserMistake("Database tujuan tidak kosong (" + tables + " tabel). Pemulihan hanya ke database kosong, agar data"
          + " yang ada tidak tercampur atau tertimpa: buat database baru (createdb rakorbot_pulih) dan arahkan DATABASE_URL ke sana.");
    }
    try {
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(BackupCipher.MAGIC.length);
      }
      Path dump = file;
      Path opened = null;
      if (BackupCipher.sealed(head)) {
        char[] passphrase = passphrase(environment).orElseThrow(() -> new UserMistake("Berkas cadangan ini terenkripsi: isi "
            + PASSPHRASE_VARIABLE + " dengan kata sandi yang dipakai saat mencadangkan."));
        opened = Files.createTempFile(".rakorbot-restore-", ".dump", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(opened)) {
          BackupCipher.open(in, out, passphrase);
        } catch (IOException e) {
          Files.deleteIfExists(opened);
          throw new UserMistake("Berkas cadangan tidak dapat dibuka: " + e.getMessage() + ".");
        }
        dump = opened;
      }
      try {
        tools.run("pg_restore", server.url(), List.of("--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", dump.toString()));
      } finally {
        if (opened != null) {
          Files.deleteIfExists(opened);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counts(jdbi);
  }

  /** Rows per counted table; a table not there (a database of an older version) is left out. */
  public static Map<String, Long> counts(Jdbi jdbi) {
    return jdbi.withHandle(h -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String table : COUNTED) {
        boolean exists = h.createQuery("SELECT to_regclass(:t) IS NOT NULL").bind("t", table).mapTo(Boolean.class).one();
        if (exists) {
          counts.put(table, h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
        }
      }
      return counts;
    });
  }

  private static int serverMajor(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("SELECT current_setting('server_version_num')::int / 10000").mapTo(Integer.class).one());
  }

  private static Optional<char[]> passphrase(Function<String, String> environment) {
    return Optional.ofNullable(environment.apply(PASSPHRASE_VARIABLE)).filter(p -> !p.isEmpty()).map(String::toCharArray);
  }
}
