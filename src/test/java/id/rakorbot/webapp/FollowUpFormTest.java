package id.rakorbot.webapp;

import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static id.rakorbot.support.BotHarness.LURAH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "Tindak lanjut saya" over the Mini App's API: the owner's open arahan, a progress note, and the closing with a photo
 * as evidence, through the rules of /progres and /selesai (the owner only, once per draft), the group told with the photo.
 */
class FollowUpFormTest {

  static final long NOTULIS = BotHarness.NOTULIS;
  static final String CONFIG = BotHarness.withNotulis(BotHarness.CONFIG);

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theOwnerReportsProgressAndClosesWithAPhotoFromTheForm() throws Exception {
    var clock = TestClocks.movableWib("2026-11-25T11:00:00");
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      api.groupText(FORKOPIMDA, "Forkopimda", NOTULIS, "Dewi", "/arahan @" + LURAH + " 28/11 Kerja bakti di Kauman");
      api.awaitMessage(FORKOPIMDA, text -> text.contains("TL-2026-0001"));
      bot.awaitQuiet();
      String siti = InitDataTest.signed(LURAH, clock.instant(), BotApiEmulator.TOKEN);

      JsonNode form = JSON.readTree(call(bot, siti, "formulir", null).body());
      assertThat(form.path("boleh_tindak_lanjut").asBoolean()).isTrue();
      JsonNode mine = JSON.readTree(call(bot, siti, "tindaklanjut", null).body());
      assertThat(mine).hasSize(1);
      assertThat(mine.get(0).path("nomor").asText()).isEqualTo("TL-2026-0001");
      assertThat(mine.get(0).path("arahan").asText()).isEqualTo("Kerja bakti di Kauman");
      assertThat(mine.get(0).path("tenggat").asText()).isEqualTo("2026-11-28");

      HttpResponse<String> progress = call(bot, siti, "tindaklanjut", """
          {"id": "%s", "nomor": "TL-2026-0001", "jenis": "progres", "catatan": "Warga RW 03 sudah diundang"}""".formatted(UUID.randomUUID()));
      assertThat(progress.statusCode()).as(progress.body()).isEqualTo(201);
      assertThat(JSON.readTree(call(bot, siti, "tindaklanjut", null).body()).get(0).path("catatan_terakhir").asText())
          .isEqualTo("Warga RW 03 sudah diundang");

      HttpResponse<String> stranger = call(bot, InitDataTest.signed(CAMAT, clock.instant(), BotApiEmulator.TOKEN), "tindaklanjut", """
          {"id": "%s", "nomor": "TL-2026-0001", "jenis": "selesai", "catatan": "Bukan milik saya"}""".formatted(UUID.randomUUID()));
      assertThat(stranger.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(stranger.body()).path("kolom").path("catatan").asText()).contains("pemiliknya");

      String closing = """
          {"id": "%s", "nomor": "TL-2026-0001", "jenis": "selesai", "catatan": "Selokan bersih, 40 warga ikut",
           "foto": "data:image/jpeg;base64,%s"}""".formatted(UUID.randomUUID(), Base64.getEncoder().encodeToString(WebAppApiTest.jpeg(640, 480)));
      HttpResponse<String> done = call(bot, siti, "tindaklanjut", closing);
      assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
      assertThat(JSON.readTree(done.body()).path("pesan").asText()).contains("TL-2026-0001", "selesai", "foto bukti").doesNotContain("<b>");
      assertThat(call(bot, siti, "tindaklanjut", closing).statusCode()).as("sent again: recorded once").isEqualTo(200);

      assertThat(count(bot, "SELECT count(*) FROM follow_up WHERE number = 'TL-2026-0001' AND status = 'done'")).isEqualTo(1);
      assertThat(count(bot, "SELECT count(*) FROM follow_up_note WHERE kind = 'selesai'")).isEqualTo(1);
      assertThat(count(bot, "SELECT count(*) FROM follow_up_photo WHERE width = 640 AND height = 480")).isEqualTo(1);
      assertThat(count(bot, "SELECT count(*) FROM audit_log WHERE action = 'arahan.selesai' AND origin = 'Mini App'")).isEqualTo(1);
      assertThat(api.awaitMessage(LURAH, t -> t.contains("ditandai selesai")).text()).contains("TL-2026-0001");
      bot.awaitQuiet();
      var evidence = api.calls("sendPhoto").stream().filter(c -> c.params().path("chat_id").asLong() == FORKOPIMDA).toList();
      assertThat(evidence).hasSize(1);
      assertThat(evidence.getFirst().params().path("caption").asText()).contains("<b>TL-2026-0001</b> selesai menurut Siti Aminah", "Selokan bersih");
      assertThat(JSON.readTree(call(bot, siti, "tindaklanjut", null).body())).isEmpty();

      HttpResponse<String> outsider = call(bot, InitDataTest.signed(100000099, clock.instant(), BotApiEmulator.TOKEN), "tindaklanjut", null);
      assertThat(outsider.statusCode()).isEqualTo(403);
    }
  }

  private HttpResponse<String> call(BotHarness bot, String initData, String route, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.rakorbot().operationsPort().orElseThrow() + "/app/api/" + route))
        .header("Authorization", "tma " + initData);
    request = body == null ? request.GET() : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long count(BotHarness bot, String sql) {
    return bot.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
