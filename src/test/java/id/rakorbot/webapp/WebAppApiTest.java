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
import java.util.Base64;
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

  /**
   * Photos scaled on the phone are kept with the report and follow its siaga alert into the alert group (the outbox
   * forgets their bytes once sent); the incident time is the form's; wrong photos and times are named by field.
   */
  @Test
  void photosAndTheIncidentTimeAreKeptAndTheAlertGroupSeesThePhotos() throws Exception {
    String photo = "\"data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg(800, 600)) + "\"";
    String body = """
        {"id": "%s", "kategori": "tawuran", "tingkat": "siaga", "uraian": "Massa berkumpul di depan balai desa",
         "waktu": "2026-11-25T09:40", "foto": [%s, %s]}""".formatted(UUID.randomUUID(), photo, photo);
    HttpResponse<String> sent = post(signed(LURAH), body);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    String number = JSON.readTree(sent.body()).path("nomor").asText();
    assertThat(count("SELECT count(*) FROM report_photo p JOIN report r ON r.id = p.report_id WHERE r.number = '" + number
        + "' AND p.width = 800 AND p.height = 600 AND length(p.content) > 1000")).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM report WHERE number = '" + number + "' AND occurred_at = '2026-11-25T09:40:00+07:00'"))
        .isEqualTo(1);
    assertThat(api.awaitMessage(LURAH, t -> t.contains(number)).text()).contains("Foto: 2 terlampir",
        "Waktu kejadian: Rabu, 25 November 2026 pukul 09.40 WIB", "tab Laporanku");
    bot.awaitQuiet();
    var photos = api.calls("sendPhoto").stream().filter(c -> c.params().path("chat_id").asLong() == FORKOPIMDA
        && c.params().path("caption").asText().contains(number)).toList();
    assertThat(photos).hasSize(2);
    assertThat(photos.getFirst().params().path("photo").path("size").asInt()).isGreaterThan(1000);
    assertThat(count("SELECT count(*) FROM outbox_message WHERE dedup_key LIKE 'alert-photo:" + number + ":%'"))
        .as("the photos' bytes leave the outbox once sent").isZero();

    String notJpeg = "\"" + Base64.getEncoder().encodeToString("GIF89a bukan foto".getBytes()) + "\"";
    JsonNode wrong = JSON.readTree(post(signed(LURAH), """
        {"id": "%s", "kategori": "tawuran", "tingkat": "normal", "uraian": "Uji", "waktu": "2026-11-25T18:00", "foto": [%s]}"""
        .formatted(UUID.randomUUID(), notJpeg)).body()).path("kolom");
    assertThat(wrong.path("foto").asText()).contains("JPEG");
    assertThat(wrong.path("waktu").asText()).contains("belum terjadi");
    String four = String.join(",", List.of(photo, photo, photo, photo));
    assertThat(JSON.readTree(post(signed(LURAH), "{\"id\": \"" + UUID.randomUUID() + "\", \"kategori\": \"tawuran\", \"tingkat\": \"normal\","
        + " \"uraian\": \"Uji\", \"foto\": [" + four + "]}").body()).path("kolom").path("foto").asText()).contains("Paling banyak 3 foto");
  }

  /** "Laporanku" offers a correction for 24 hours; it goes through /koreksi's rules and into the audit trail. */
  @Test
  void aReportIsCorrectedFromLaporankuWithinADay() throws Exception {
    var clock = TestClocks.movableWib("2026-11-26T08:00:00");
    try (BotHarness other = BotHarness.start(BotHarness.withReporters(0, 900000), clock)) {
      String sent = post(other, InitDataTest.signed(LURAH, clock.instant(), BotApiEmulator.TOKEN), "laporan",
          "{\"id\": \"" + UUID.randomUUID() + "\", \"kategori\": \"narkoba\", \"tingkat\": \"normal\", \"uraian\": \"Pil koplo di gang\"}").body();
      String number = JSON.readTree(sent).path("nomor").asText();
      JsonNode mine = JSON.readTree(get(other, "laporanku", InitDataTest.signed(LURAH, clock.instant(), BotApiEmulator.TOKEN)).body()).get(0);
      assertThat(mine.path("koreksi_sampai").asText()).startsWith("2026-11-27T01:00:0");
      HttpResponse<String> corrected = post(other, InitDataTest.signed(LURAH, clock.instant(), BotApiEmulator.TOKEN), "koreksi",
          "{\"nomor\": \"" + number + "\", \"teks\": \"Pil koplo di gang buntu, dua pengedar\"}");
      assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
      long rows = other.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM report_correction c JOIN report r ON r.id = c.report_id"
          + " WHERE r.number = :n AND c.text = 'Pil koplo di gang buntu, dua pengedar'").bind("n", number).mapTo(Long.class).one());
      assertThat(rows).isEqualTo(1);
      long audited = other.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE action = 'laporan.koreksi'"
          + " AND subject = :n AND origin = 'Mini App'").bind("n", number).mapTo(Long.class).one());
      assertThat(audited).isEqualTo(1);

      clock.moveTo(clock.instant().plus(Duration.ofHours(25)));
      String late = InitDataTest.signed(LURAH, clock.instant(), BotApiEmulator.TOKEN);
      assertThat(JSON.readTree(get(other, "laporanku", late).body()).get(0).has("koreksi_sampai")).isFalse();
      HttpResponse<String> tooLate = post(other, late, "koreksi", "{\"nomor\": \"" + number + "\", \"teks\": \"Lagi\"}");
      assertThat(tooLate.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(tooLate.body()).path("kolom").path("koreksi").asText()).contains("24 jam").doesNotContain("<");
      HttpResponse<String> notHers = post(other, InitDataTest.signed(BotHarness.CAMAT, clock.instant(), BotApiEmulator.TOKEN), "koreksi",
          "{\"nomor\": \"" + number + "\", \"teks\": \"Bukan milik saya\"}");
      assertThat(notHers.statusCode()).isEqualTo(400);
    }
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
      other.api().privateText(LURAH, "Siti", "/start"); // a pelapor: the keyboard button stays under the chat
      var welcome = other.api().awaitMessage(LURAH, t -> t.contains("Selamat datang"));
      JsonNode key = welcome.params().path("reply_markup").path("keyboard").get(0).get(0);
      assertThat(key.path("text").asText()).isEqualTo("📝 Isi formulir laporan");
      assertThat(key.path("web_app").path("url").asText()).isEqualTo("https://rakor.malangkota.go.id/app/");
      assertThat(welcome.params().path("reply_markup").path("is_persistent").asBoolean()).isTrue();
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
    byte[] photo = photoLikeAPhones(1280, 853);
    List<Long> withPhoto = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String body = "{\"id\": \"" + UUID.randomUUID() + "\", \"kategori\": \"pencurian\", \"tingkat\": \"normal\", \"uraian\": \"Motor hilang "
          + i + "\", \"foto\": [\"" + Base64.getEncoder().encodeToString(photo) + "\"]}";
      long start = System.nanoTime();
      assertThat(post(signed(LURAH), body).statusCode()).isEqualTo(201);
      withPhoto.add((System.nanoTime() - start) / 1_000);
    }
    print("without a photo", micros);
    print("with one " + photo.length / 1024 + " KB photo", withPhoto);
  }

  private static void print(String what, List<Long> micros) {
    List<Long> warm = micros.subList(5, micros.size()).stream().sorted().toList();
    System.out.printf("Mini App submit round trip on loopback %s, %d requests after 5 warm-up: median %.1f ms, p90 %.1f ms, max %.1f ms%n", what,
        warm.size(), warm.get(warm.size() / 2) / 1000.0, warm.get(warm.size() * 9 / 10) / 1000.0, warm.getLast() / 1000.0);
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

  private HttpResponse<String> post(BotHarness target, String initData, String route, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.rakorbot().operationsPort().orElseThrow() + "/app/api/" + route))
        .header("Authorization", "tma " + initData).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(BotHarness target, String route, String initData) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.rakorbot().operationsPort().orElseThrow() + "/app/api/" + route))
        .header("Authorization", "tma " + initData).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A JPEG of the size a phone's photo has once the page scaled it (grain makes it weigh what a photo weighs). */
  static byte[] photoLikeAPhones(int width, int height) throws java.io.IOException {
    var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var random = new java.util.Random(7);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int base = 90 + (x + y) * 100 / (width + height);
        int grain = random.nextInt(24);
        image.setRGB(x, y, (base + grain) << 16 | (base / 2 + grain) << 8 | (60 + grain));
      }
    }
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  /** A photo as the page makes it: a JPEG of this size. */
  static byte[] jpeg(int width, int height) throws java.io.IOException {
    var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setPaint(new java.awt.GradientPaint(0, 0, java.awt.Color.ORANGE, width, height, java.awt.Color.DARK_GRAY));
    g.fillRect(0, 0, width, height);
    g.dispose();
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  private HttpResponse<String> get(String route, String initData) throws Exception {
    return http.send(request(route).header("Authorization", "tma " + initData).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private long count(String sql) {
    return bot.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
