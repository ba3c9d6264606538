package id.rakorbot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseTest {

  @Test
  void aFreshSchemaIsMigratedToTheCurrentTables() {
    try (TestDatabase schema = TestDatabase.create(); Database database = Database.connect(schema.url(), 2)) {
      List<String> tables = database.jdbi().withHandle(h -> h.createQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1")
          .mapTo(String.class).list());

      assertThat(tables).contains("inbox_update", "outbox_message", "telegram_group", "bot_heartbeat", "schedule_occurrence",
          "qrtz_triggers", "qrtz_locks", "flyway_schema_history");
    }
  }

  @Test
  void migratingTwiceChangesNothing() {
    try (TestDatabase schema = TestDatabase.create()) {
      int first;
      try (Database once = Database.connect(schema.url(), 2)) {
        first = applied(once);
      }
      try (Database again = Database.connect(schema.url(), 2)) {
        assertThat(applied(again)).isEqualTo(first).isGreaterThanOrEqualTo(3);
      }
    }
  }

  private static int applied(Database database) {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM flyway_schema_history WHERE success")
        .mapTo(Integer.class).one());
  }
}
