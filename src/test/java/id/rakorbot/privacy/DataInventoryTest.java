package id.rakorbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Main;
import id.rakorbot.storage.Database;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DPO's register covers every table of the schema, and data-inventory prints it with counts and ages. */
class DataInventoryTest {

  @Test
  void everyTableIsEitherInTheRegisterOrKnownToHoldNoPersonalData() {
    try (TestDatabase schema = TestDatabase.create(); Database database = Database.connect(schema.url(), 2)) {
      List<String> tables = database.jdbi().withHandle(h -> h.createQuery(
          "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE 'qrtz%' ORDER BY 1")
          .mapTo(String.class).list());
      List<String> known = Stream.concat(DataInventory.ENTRIES.stream().map(DataInventory.Entry::table), DataInventory.NOT_PERSONAL.stream()).toList();
      assertThat(known).containsAll(tables);
      assertThat(tables).containsAll(known); // and nothing listed that is gone
    }
  }

  @Test
  void dataInventoryPrintsEachTableWithRowsOldestAndRetention(@TempDir Path dir) throws Exception {
    try (TestDatabase schema = TestDatabase.create(); Database database = Database.connect(schema.url(), 2)) {
      database.jdbi().useHandle(h -> h.execute("""
          INSERT INTO reporter (user_id, name, jabatan, wilayah, status, requested_at)
          VALUES (1, 'Budi', 'Lurah', 'Kauman', 'approved', '2026-03-01 08:00+07'), (2, 'Ani', 'Lurah', 'Klojen', 'pending', '2026-05-01 08:00+07')"""));
      Path config = dir.resolve("rakorbot.yaml");
      Files.writeString(config, BotHarness.CONFIG + "database:\n  url: ${DATABASE_URL}\n");
      StringWriter out = new StringWriter();
      int exit = Main.execute(new String[] {"data-inventory", "--config", config.toString()},
          Map.of("DATABASE_URL", schema.jdbcUrlWithCredentials(), "TELEGRAM_API_URL", "http://127.0.0.1:9")::get,
          new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
      assertThat(exit).isZero();
      assertThat(out.toString()).contains("Inventaris data pribadi").containsPattern("reporter +2  2026-03-01 08:00  sampai dihapus")
          .containsPattern("report +0  -  +5y \\(foto 1y\\); lalu dianonimkan").contains("audit_log", "belum ditulis (data_protection.officer)");
    }
  }
}
