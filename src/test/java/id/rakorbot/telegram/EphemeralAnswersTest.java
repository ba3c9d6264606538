package id.rakorbot.telegram;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.CAMAT_LURAH;
import static id.rakorbot.support.BotHarness.LURAH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotApiEmulator.Call;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What one person asks in a group is answered to them alone (Bot API 10.2's ephemeral messages, in 10.3's shape):
 * the informational commands are declared ephemeral in the menu, the answer reaches the asker only, and the group
 * sees nothing new. Where Telegram refuses, the answer goes privately to whoever opened the bot, and otherwise
 * stays in the group for the group's minutes, then is deleted.
 */
class EphemeralAnswersTest {

  @Test
  void informationalCommandsInAGroupAreAnsweredToTheAskerAlone() throws Exception {
    var clock = TestClocks.movableWib("2026-01-20T10:00:00");
    try (BotHarness bot = BotHarness.start(BotHarness.CONFIG + BotHarness.ONE_MEETING, clock)) {
      BotApiEmulator api = bot.api();
      Map<String, Boolean> declared = new HashMap<>();
      await().atMost(Duration.ofSeconds(10)).until(() -> !api.calls("setMyCommands").isEmpty());
      for (JsonNode command : api.calls("setMyCommands").getLast().params().path("commands")) {
        declared.put(command.path("command").asText(), command.path("is_ephemeral").asBoolean(false));
      }
      assertThat(declared).containsEntry("jadwal", true).containsEntry("kehadiran", true).containsEntry("tl", true)
          .containsEntry("bantuan", true).containsEntry("laporanku", true).containsEntry("bahan", true).containsEntry("rekap", true)
          .containsEntry("lapor", false).containsEntry("hadir", false);
      bot.awaitQuiet();
      int visibleBefore = api.visibleIn(CAMAT_LURAH).size();

      api.groupEphemeralCommand(CAMAT_LURAH, "Camat dan Lurah", CAMAT, "Heri", "/jadwal"); // picked from the menu
      Call jadwal = await().atMost(Duration.ofSeconds(20)).until(() -> api.ephemeralTo(CAMAT_LURAH, CAMAT).stream()
          .filter(c -> c.text().contains("Rakor Tim Terpadu PKS")).findFirst(), java.util.Optional::isPresent).orElseThrow();
      assertThat(jadwal.params().path("reply_parameters").path("ephemeral_message_id").asInt()).as("answers his ephemeral command")
          .isPositive();
      api.groupText(CAMAT_LURAH, "Camat dan Lurah", CAMAT, "Heri", "/kehadiran"); // typed in full: still for him alone
      await().atMost(Duration.ofSeconds(20)).until(() -> api.ephemeralTo(CAMAT_LURAH, CAMAT).size() == 2);
      bot.awaitQuiet();
      assertThat(api.visibleIn(CAMAT_LURAH)).as("nothing new for the group to read").hasSize(visibleBefore);
      assertThat(api.ephemeralTo(CAMAT_LURAH, LURAH)).isEmpty();
      assertThat(api.ephemeralTo(CAMAT_LURAH, CAMAT).getLast().text()).contains("Rakor Tim Terpadu PKS");
    }
  }

  @Test
  void refusedTheAnswerGoesPrivatelyOrStaysInTheGroupForItsMinutes() throws Exception {
    var clock = TestClocks.movableWib("2026-01-20T10:00:00");
    try (BotHarness bot = BotHarness.start(BotHarness.CONFIG + BotHarness.ONE_MEETING, clock)) {
      BotApiEmulator api = bot.api();
      api.refuseEphemeralIn(CAMAT_LURAH);
      api.privateText(ADMIN, "Rina", "/start"); // Rina has opened the bot; Heri has not
      api.awaitMessage(ADMIN, t -> t.contains("Rina"));

      api.groupEphemeralCommand(CAMAT_LURAH, "Camat dan Lurah", ADMIN, "Rina", "/jadwal");
      assertThat(api.awaitMessage(ADMIN, t -> t.contains("Jawaban /jadwal Anda di grup")).text()).contains("Rakor Tim Terpadu PKS");

      int visibleBefore = api.visibleIn(CAMAT_LURAH).size();
      int command = api.groupText(CAMAT_LURAH, "Camat dan Lurah", CAMAT, "Heri", "/jadwal");
      Call inGroup = api.awaitMessage(CAMAT_LURAH, t -> t.contains("terhapus otomatis dalam 10 menit"));
      assertThat(inGroup.text()).contains("Rakor Tim Terpadu PKS");
      assertThat(inGroup.params().path("reply_parameters").path("message_id").asInt()).as("quotes Heri's command").isPositive();
      assertThat(api.visibleIn(CAMAT_LURAH)).hasSize(visibleBefore + 1);
      assertThat(count(bot, "SELECT count(*) FROM outbox_message WHERE status = 'dead'")).as("nothing given up on").isZero();

      // Its moment to go is set on the bot's clock once the loop has seen it sent; then the clock runs 11 minutes on.
      await().atMost(Duration.ofSeconds(40)).until(() -> count(bot, "SELECT count(*) FROM outbox_message WHERE delete_due_at IS NOT NULL") == 1);
      clock.moveTo(clock.instant().plus(Duration.ofMinutes(11)));
      await().atMost(Duration.ofSeconds(40)).until(() -> api.calls("deleteMessage").stream()
          .anyMatch(c -> c.chatId() == CAMAT_LURAH && c.params().path("message_id").asInt() == inGroup.messageId()));
      assertThat(api.visibleIn(CAMAT_LURAH)).as("gone after its minutes").hasSize(visibleBefore);
      assertThat(command).isPositive();
    }
  }

  private static long count(BotHarness bot, String sql) {
    return bot.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
