package id.rakorbot.webapp;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Mini App's API over real HTTP, signed as Telegram signs initData: a report from the form goes through the same
 * service as /lapor (number, alert, reply in the chat over the emulator), once per draft id however often it is sent;
 * forged, expired or missing initData and a non-pelapor store nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TestClocks.Movable clock = TestClocks.movableWib("2026-11-25T10:00:00");
  private final HttpClient http = HttpClient.newHttpClient();
  private BotHarness bot;
  private BotApiEmulator api;

  @BeforeAll
  void start() throws Exception {
    bot = BotHarness.start(BotHarness.withReporters(0, 900000), clock); // no flood limit to speak of
    api = bot.api();
  }

  @AfterAll
  void stop() {
    bot.close();
  }

  @Test
  void aSiagaReportFromTheFormIsStoredOnceAlertsAndIsAnsweredInTheChat() throws Exception {
    String draft = UUID.randomUUID().toString();
    String body = """
        {"id": "%s", "kategori": "tawuran", "tingkat": "siaga", "wilayah": "Kauman",
         "uraian": "Dua kelompok pemuda saling lempar batu di Jl. Kauman", "lintang": -7.98, "bujur": 112.63}""".formatted(draft);
    HttpResponse<String> first = post(signed(LURAH), body);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String number = JSON.readTree(first.body()).path("nomor").asText();
    assertThat(number).matches("LAP-2026-\\d{6}");
    assertThat(JSON.readTree(first.body()).path("pesan").asText()).isEqualTo("Terkirim: " + number);

    HttpResponse<String> again = post(signed(LURAH), body); // the draft sent again when the signal came back
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).path("nomor").asText()).isEqualTo(number);
    assertThat(JSON.readTree(again.body()).path("ulang").asBoolean()).isTrue();
    HttpResponse<String> stranger = post(signed(BotHarness.CAMAT), body); // the same draft id from another reporter: a report of his own
    assertThat(JSON.readTree(stranger.body()).path("nomor").asText()).as("never someone else's report").isNotEqualTo(number);

    assertThat(count("SELECT count(*) FROM report WHERE number = '" + number + "' AND latitude IS NOT NULL AND severity = 'siaga'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM report WHERE reporter_id = " + LURAH
        + " AND description = 'Dua kelompok pemuda saling lempar batu di Jl. Kauman'")).as("the lurah's, once").isEqualTo(1);
    assertThat(api.awaitMessage(LURAH, t -> t.contains(number)).text()).contains("tercatat");
    assertThat(api.awaitMessage(FORKOPIMDA, t -> t.contains(number)).text()).contains("SIAGA");
    bot.awaitQuiet();
    assertThat(api.messagesTo(LURAH).stream().filter(m -> m.text().contains(number) && m.text().contains("tercatat")).count())
        .as("one reply, not one per sending").isEqualTo(1);

    HttpResponse<String> mine = get("laporanku", signed(LURAH));
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(mine.body()).get(0).path("nomor").asText()).isEqualTo(number);
  }

  @Test
  void theFormKnowsTheCategoriesLevelsAndTheReportersArea() throws Exception {
    HttpResponse<String> form = get("formulir", signed(LURAH));
    assertThat(form.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(form.body());
    assertThat(body.path("wilayah_saya").asText()).isEqualTo("Kauman");
    assertThat(body.path("kategori").findValuesAsText("kunci")).contains("tawuran", "narkoba");
    assertThat(body.path("tingkat").findValuesAsText("kunci")).containsExactly("normal", "waspada", "siaga", "awas");
    assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
  }

  @Test
  void forgedExpiredOrMissingInitDataAndNonReportersStoreNothing() throws Exception {
    long before = count("SELECT count(*) FROM report");
    String body = "{\"id\": \"" + UUID.randomUUID() + "\", \"kategori\": \"narkoba\", \"tingkat\": \"normal\", \"uraian\": \"Uji\"}";
    String forged = signed(LURAH).replaceFirst("hash=[0-9a-f]{4}", "hash=0000");
    assertThat(post(forged, body).statusCode()).isEqualTo(401);
    assertThat(post(InitDataTest.signed(LURAH, clock.instant().minus(Duration.ofHours(25)), BotApiEmulator.TOKEN), body).statusCode()).isEqualTo(401);
    assertThat(post(InitDataTest.signed(LURAH, clock.instant(), "654321:OTHER-BOT"), body).statusCode()).isEqualTo(401);
    HttpResponse<String> missing = http.send(request("laporan").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(missing.body()).path("galat").asText()).contains("Buka formulir dari tombol di chat bot");
    HttpResponse<String> notReporter = post(signed(100000099), body); // a Telegram user neither on the roster nor registered
    assertThat(notReporter.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(notReporter.body()).path("galat").asText()).contains("/daftar");
    assertThat(count("SELECT count(*) FROM report")).isEqualTo(before);
  }

  @Test
  void mistakesAreNamedByFieldInIndonesian() throws Exception {
    HttpResponse<String> wrong = post(signed(LURAH), "{\"id\": \"" + UUID.randomUUID() + "\", \"kategori\": \"tawran\", \"tingkat\": \"genting\","
        + " \"wilayah\": \"Kauman Baru\", \"uraian\": \"\"}");
    assertThat(wrong.statusCode()).isEqualTo(400);
    JsonNode fields = JSON.readTree(wrong.body()).path("kolom");
    assertThat(fields.path("kategori").asText()).contains("Pilih kategori");
    assertThat(fields.path("tingkat").asText()).contains("normal, waspada, siaga atau awas");
    assertThat(fields.path("uraian").asText()).contains("Tulis uraian");
    assertThat(fields.path("wilayah").asText()).contains("Kauman Baru");
    assertThat(http.send(request("laporan").header("Authorization", "tma " + signed(LURAH)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
  }

  /** /lapor without words offers the form first, in private, when the dashboard's address is HTTPS. */
  @Test
  void laporWithoutWordsOffersTheFormInPrivate() throws Exception {
    try (BotHarness other = BotHarness.start(BotHarness.CONFIG + "dashboard:\n  base_url: https://rakor.malangkota.go.id\n", clock)) {
      other.api().privateText(LURAH, "Siti", "/lapor");
      var message = other.api().awaitMessage(LURAH, t -> t.contains("kategori") || t.contains("Kategori"));
      JsonNode first = message.params().path("reply_markup").path("inline_keyboard").get(0).get(0);
      assertThat(first.path("text").asText()).isEqualTo("📝 Isi formulir");
      assertThat(first.path("web_app").path("url").asText()).isEqualTo("https://rakor.malangkota.go.id/app/");
      JsonNode menu = other.api().calls("setChatMenuButton").getFirst().params().path("menu_button");
      assertThat(menu.path("type").asText()).isEqualTo("web_app");
      assertThat(menu.path("web_app").path("url").asText()).isEqualTo("https://rakor.malangkota.go.id/app/");
    }
    assertThat(api.calls("setChatMenuButton")).as("no HTTPS address: the menu stays the commands").isEmpty();
    api.privateText(LURAH, "Siti", "/lapor"); // no dashboard address here: the guided steps only
    var plain = api.awaitMessage(LURAH, t -> t.contains("kategori") || t.contains("Kategori"));
    assertThat(plain.params().path("reply_markup").toString()).doesNotContain("web_app");
  }

  /** Time per submit, a round trip on loopback (the server's work plus the HTTP client): printed with its spread, not asserted against a timer. */
  @Test
  void serverTimePerSubmit() throws Exception {
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String body = "{\"id\": \"" + UUID.randomUUID() + "\", \"kategori\": \"pencurian\", \"tingkat\": \"normal\", \"uraian\": \"Motor hilang " + i + "\"}";
      long start = System.nanoTime();
      assertThat(post(signed(LURAH), body).statusCode()).isEqualTo(201);
      micros.add((System.nanoTime() - start) / 1_000);
    }
    List<Long> warm = micros.subList(5, micros.size()).stream().sorted().toList();
    System.out.printf("Mini App submit round trip on loopback, %d requests after 5 warm-up: median %.1f ms, p90 %.1f ms, max %.1f ms%n", warm.size(),
        warm.get(warm.size() / 2) / 1000.0, warm.get(warm.size() * 9 / 10) / 1000.0, warm.getLast() / 1000.0);
  }

  private String signed(long userId) {
    return InitDataTest.signed(userId, clock.instant().minusSeconds(30), BotApiEmulator.TOKEN).replace("\"Siti\"", "\"Pengguna\"");
  }

  private HttpRequest.Builder request(String route) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.rakorbot().operationsPort().orElseThrow() + "/app/api/" + route));
  }

  private HttpResponse<String> post(String initData, String body) throws Exception {
    return http.send(request("laporan").header("Authorization", "tma " + initData).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String route, String initData) throws Exception {
    return http.send(request(route).header("Authorization", "tma " + initData).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private long count(String sql) {
    return bot.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
