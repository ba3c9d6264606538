package id.rakorbot;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.audit.AuditEvent;
import id.rakorbot.audit.AuditPerson;
import id.rakorbot.audit.Source;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.privacy.DataInventory;
import id.rakorbot.privacy.Erasures;
import id.rakorbot.storage.Backups;
import id.rakorbot.storage.Database;
import id.rakorbot.storage.DatabaseServer;
import id.rakorbot.telegram.TelegramJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line of personal data and of the database's safety: hapus-data, data-inventory, backup, restore. */
final class DataCommands {

  private DataCommands() {}

  @Command(name = "hapus-data", description = "Menghapus data pribadi seseorang (UU PDP): tanpa --ya hanya menampilkan yang akan dihapus.")
  static final class HapusData extends Main.ConfigCommand {
    @Option(names = "--user", required = true, paramLabel = "ID", description = "ID Telegram orang yang datanya dihapus")
    long user;
    @Option(names = "--ya", description = "benar-benar menghapus (tanpa ini: hanya pratinjau)")
    boolean yes;

    HapusData(Main main) {
      super(main);
    }

    @Override
    public Integer call() {
      RakorbotConfig loaded = load();
      try (Database database = Database.open(loaded.database())) {
        PrintWriter out = out();
        if (!yes) {
          var counts = database.jdbi().withHandle(h -> Erasures.preview(h, user));
          out.println("Yang akan dihapus untuk ID " + user + ":");
          counts.forEach((what, n) -> out.println("  " + what + ": " + n));
          out.println("Jalankan lagi dengan --ya untuk menghapus. Tindakan ini tidak dapat dibatalkan.");
          out.flush();
          return 0;
        }
        Outbox outbox = new Outbox(TelegramJson.mapper(), () -> { }); // the running bot's sender sends the notice
        String summary = database.jdbi().inTransaction(h -> Erasures.erase(h, loaded, outbox, user,
            new Erasures.By(Source.CLI, "CLI", AuditPerson.operator()), Instant.now()));
        out.println(summary.replaceAll("<[^>]+>", ""));
        out.flush();
        return 0;
      }
    }
  }

  @Command(name = "data-inventory", description = "Daftar tabel berisi data pribadi: kolom, jumlah baris, baris tertua, masa simpan (untuk PPDP).")
  static final class Inventory extends Main.ConfigCommand {

    Inventory(Main main) {
      super(main);
    }

    @Override
    public Integer call() {
      RakorbotConfig loaded = load();
      ZoneId zone = loaded.bot().zone();
      try (Database database = Database.open(loaded.database())) {
        PrintWriter out = out();
        out.println("Inventaris data pribadi (UU 27/2022), " + java.time.LocalDate.now(zone) + ":");
        out.printf("%-22s %9s  %-16s  %-34s  %s%n", "tabel", "baris", "tertua", "masa simpan", "isi pribadi — tujuan");
        for (var line : DataInventory.read(database.jdbi(), loaded.dataProtection().retention())) {
          out.printf("%-22s %9d  %-16s  %-34s  %s — %s%n", line.table(), line.rows(),
              line.oldest().map(t -> t.atZone(zone).toLocalDateTime().withSecond(0).withNano(0).toString().replace('T', ' ')).orElse("-"),
              line.retention(), line.fields(), line.purpose());
        }
        out.println("Pejabat pelindungan data: " + (loaded.dataProtection().officer().named()
            ? loaded.dataProtection().officer().name() + " " + loaded.dataProtection().officer().contact() : "belum ditulis (data_protection.officer)"));
        out.flush();
        return 0;
      }
    }
  }

  @Command(name = "backup", description = "Mencadangkan database (format custom pg_dump); terenkripsi bila RAKORBOT_BACKUP_PASSPHRASE diisi.")
  static final class Backup extends Main.ConfigCommand {
    @Option(names = "--out", required = true, paramLabel = "BERKAS", description = "berkas cadangan, misalnya cadangan/rakorbot-2026-12-03.dump")
    Path out;

    Backup(Main main) {
      super(main);
    }

    @Override
    public Integer call() {
      RakorbotConfig loaded = load();
      try (DatabaseServer server = DatabaseServer.open(loaded.database())) {
        audit(Database.unpooled(server.url()), Actions.BACKUP_MADE, out.getFileName().toString());
        var written = Backups.backup(server, out, main.environment());
        PrintWriter stdout = out();
        stdout.println("Cadangan ditulis: " + out + " (" + written.bytes() + " bita" + (written.sealed() ? ", terenkripsi" : "") + ")");
        written.counts().forEach((table, n) -> stdout.println("  " + table + ": " + n));
        stdout.flush();
        return 0;
      }
    }
  }

  @Command(name = "restore", description = "Memulihkan cadangan ke database KOSONG (database berisi ditolak).")
  static final class Restore extends Main.ConfigCommand {
    @Parameters(index = "0", paramLabel = "BERKAS", description = "berkas dari perintah backup")
    Path file;

    Restore(Main main) {
      super(main);
    }

    @Override
    public Integer call() {
      RakorbotConfig loaded = load();
      try (DatabaseServer server = DatabaseServer.open(loaded.database())) {
        var counts = Backups.restore(server, file, main.environment());
        audit(Database.unpooled(server.url()), Actions.BACKUP_RESTORED, file.getFileName().toString());
        PrintWriter stdout = out();
        stdout.println("Cadangan " + file + " dipulihkan ke " + (server.embedded() ? "database bawaan" : server.url()) + ":");
        counts.forEach((table, n) -> stdout.println("  " + table + ": " + n));
        stdout.println("Mulai bot seperti biasa; migrasi yang lebih baru dijalankan saat mulai.");
        stdout.flush();
        return 0;
      }
    }
  }

  /** In the database's own trail, when it has one (a database not yet migrated has none). */
  private static void audit(Jdbi jdbi, String action, String subject) {
    boolean trail = jdbi.withHandle(h -> h.createQuery("SELECT to_regclass('audit_log') IS NOT NULL").mapTo(Boolean.class).one());
    if (trail) {
      jdbi.useTransaction(h -> Audit.record(h, new AuditEvent(Instant.now(), Source.CLI, "CLI", Optional.of(AuditPerson.operator()),
          action, subject, Optional.empty(), "")));
    }
  }
}
