package id.rakorbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.rakorbot.Rakorbot;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.error.UserMistake;
import id.rakorbot.ops.BotMetrics;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.storage.Database;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The router is the one place where a user's mistake becomes an answer, for plain messages as for commands. */
class UpdateRouterTest {

  @Test
  void aMistakeInAPlainMessageHandlerIsExplainedToTheUserAndUndoesTheHandlersWrites() throws Exception {
    try (TestDatabase schema = TestDatabase.create(); Database database = Database.connect(schema.url(), 2)) {
      var config = new CurrentConfig(Rakorbot.configLoader(Map.of("TELEGRAM_API_URL", "http://127.0.0.1:9")::get)
          .parse(Path.of("rakorbot.yaml"), BotHarness.CONFIG));
      var outbox = new Outbox(TelegramJson.mapper(), () -> { });
      var groups = new Groups(config);
      groups.syncDeclared(database.jdbi());
      MessageHandler deputyName = (handle, message, now) -> {
        PrivateChats.seen(handle, 424242); // a write the mistake must undo
        throw new UserMistake("Nama wakil belum ada. <b>Balas pesan ini</b> dengan nama dan jabatan wakil.");
      };
      var handlers = new Handlers(List.of(), List.of(), List.of(deputyName), c -> Optional.empty(), StartFlow.NONE);
      var router = new UpdateRouter(config, groups, new CommandRegistry(List.of()), handlers, outbox, BotApiEmulator.BOT_USERNAME,
          answer -> { });
      var inbox = new Inbox(database.jdbi(), new BotMetrics(List.of()));
      var processor = new UpdateProcessor(database.jdbi(), inbox, router);
      JsonNode update = TelegramJson.mapper().readTree("""
          {"update_id": 7, "message": {"message_id": 31, "date": 1, "chat": {"id": -1001000000001, "type": "supergroup",
           "title": "Forkopimda"}, "from": {"id": 100000001, "is_bot": false, "first_name": "Rina"}, "text": "Pak Budi"}}""");
      inbox.store(List.of(update));

      processor.processLane(Inbox.lane(update));

      List<String> sent = database.jdbi().withHandle(h -> h.createQuery(
          "SELECT (payload ->> 'text') || ' | ' || (payload -> 'reply_parameters' ->> 'message_id') FROM outbox_message")
          .mapTo(String.class).list());
      assertThat(sent).containsExactly("Nama wakil belum ada. <b>Balas pesan ini</b> dengan nama dan jabatan wakil. | 31");
      Map<String, Object> row = database.jdbi().withHandle(h -> h.createQuery("""
          SELECT processed_at IS NOT NULL AS processed, attempts, (SELECT count(*) FROM inbox_set_aside) AS set_aside,
                 (SELECT count(*) FROM private_chat WHERE user_id = 424242) AS written
          FROM inbox_update WHERE update_id = 7""").mapToMap().one());
      assertThat(row).containsEntry("processed", true).containsEntry("attempts", 1).containsEntry("set_aside", 0L)
          .containsEntry("written", 0L);
    }
  }
}
