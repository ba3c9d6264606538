package id.rakorbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Rakorbot;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.ops.BotMetrics;
import id.rakorbot.storage.Database;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;

/** Storing updates: a bad one never blocks the batch it came in. */
class InboxTest {

  private static TestDatabase schema;
  private static Database database;

  @BeforeAll
  static void open() {
    schema = TestDatabase.create();
    database = Database.connect(schema.url(), 2);
  }

  @AfterAll
  static void close() {
    database.close();
    schema.close();
  }

  private static JsonNode update(int id, String text) throws Exception {
    return TelegramJson.mapper().readTree("""
        {"update_id": %d, "message": {"message_id": 1, "date": 1, "chat": {"id": 42, "type": "private"},
         "from": {"id": 42, "is_bot": false, "first_name": "A"}, "text": %s}}"""
        .formatted(id, TelegramJson.mapper().writeValueAsString(text)));
  }

  private static List<Long> stored() {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT update_id FROM inbox_update ORDER BY update_id").mapTo(Long.class).list());
  }

  @Test
  void aRowPostgresqlRejectsIsSetAsideAndTheRestOfTheBatchIsStored() throws Exception {
    // Without cleaning, the NUL reaches jsonb, which rejects it: the one bad row must not hold the others back.
    var raw = new Inbox(database.jdbi(), new BotMetrics(List.of()), false);
    raw.store(List.of(update(101, "satu"), update(102, "halo\u0000dunia"), update(103, "tiga")));

    assertThat(stored()).contains(101L, 103L).doesNotContain(102L);
    var aside = database.jdbi().withHandle(h -> h.createQuery("SELECT stage || ' ' || reason FROM inbox_set_aside WHERE update_id = 102")
        .mapTo(String.class).one());
    assertThat(aside).startsWith("store ").contains("Unicode");
  }

  @Test
  void nulAndLoneSurrogatesAreCleanedSoTheUpdateIsStored() throws Exception {
    var inbox = new Inbox(database.jdbi(), new BotMetrics(List.of()));
    inbox.store(List.of(update(201, "a\u0000b"), update(202, "c\uD800d"), update(203, "emoji \uD83D\uDE00 tetap")));

    assertThat(stored()).contains(201L, 202L, 203L);
    List<String> texts = database.jdbi().withHandle(h -> h.createQuery(
        "SELECT payload -> 'message' ->> 'text' FROM inbox_update WHERE update_id >= 201 ORDER BY update_id").mapTo(String.class).list());
    assertThat(texts).containsExactly("a\uFFFDb", "c\uFFFDd", "emoji \uD83D\uDE00 tetap");
  }

  /**
   * Telegram may number updates anew after a week without any, so an id seen long ago can be a new update: the
   * inbox recognises a repeat only while the processed update is kept (data_protection.retention.updates, 7 days).
   */
  @Test
  void aProcessedUpdateIsForgottenAfterItsRetentionAndItsIdIsThenTakenAsNew() throws Exception {
    var inbox = new Inbox(database.jdbi(), new BotMetrics(List.of()));
    inbox.store(List.of(update(301, "lama"), update(302, "baru"), update(303, "lama, belum diproses")));
    database.jdbi().useHandle(h -> {
      h.execute("UPDATE inbox_update SET processed_at = now() WHERE update_id IN (301, 302)");
      h.execute("UPDATE inbox_update SET received_at = now() - interval '8 days' WHERE update_id IN (301, 303)");
    });
    var config = new CurrentConfig(Rakorbot.configLoader(Map.of("TELEGRAM_API_URL", "http://127.0.0.1:9")::get)
        .parse(Path.of("rakorbot.yaml"), BotHarness.CONFIG));

    int forgotten = new InboxPruning(database.jdbi(), config, Clock.systemUTC()).pruneAll();

    assertThat(forgotten).isEqualTo(1);
    inbox.store(List.of(update(301, "id lama, pembaruan baru"), update(302, "kiriman ulang")));
    List<String> texts = database.jdbi().withHandle(h -> h.createQuery("""
        SELECT update_id || ' ' || (processed_at IS NULL) || ' ' || (payload -> 'message' ->> 'text')
        FROM inbox_update WHERE update_id BETWEEN 301 AND 303 ORDER BY update_id""").mapTo(String.class).list());
    assertThat(texts).containsExactly("301 true id lama, pembaruan baru", "302 false baru", "303 true lama, belum diproses");
  }
}
