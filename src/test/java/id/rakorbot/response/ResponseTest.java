package id.rakorbot.response;

import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.CAMAT_LURAH;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotApiEmulator.Call;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Alerts with an owner, end to end over the emulator on a moved clock: four awas reports from Klojen in one day.
 * The first nobody takes (it climbs to the city at +10 min and to Forkopimda at +25, once each); the second the
 * Kapolsek takes at +4; for the third two responders press at once at +12; the fourth a pelapor presses in vain
 * and a Danramil closes with "Selesai" at +20. The digest and the dashboard then say the same about them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseTest {

  static final long KAPOLSEK = 100000020;
  static final long DANRAMIL = 100000021;
  static final long KAPOLRES = 100000030;
  static final long DANDIM = 100000031;
  static final long PIMPINAN = 100000032;

  static final String PEOPLE = """
        - user_id: 100000020
          name: AKP Budi
          jabatan: Kapolsek Klojen
          wilayah: Klojen
          roles: [responder]
          groups: [camat_lurah]
        - user_id: 100000021
          name: Kapten Inf. Joko
          jabatan: Danramil Klojen
          wilayah: Klojen
          roles: [responder]
          groups: [camat_lurah]
        - user_id: 100000030
          name: AKBP Hendra
          jabatan: Kapolres
          username: kapolres_mlg
          roles: [pimpinan]
          groups: [forkopimda]
        - user_id: 100000031
          name: Letkol Arif
          jabatan: Dandim
          username: dandim_mlg
          roles: [pimpinan]
          groups: [forkopimda]
        - user_id: 100000032
          name: Drs. Wahyu
          jabatan: Wali Kota
          roles: [pimpinan]
          groups: [forkopimda]
      """;

  static final String RESPONSE = """
      response:
        who_may_handle: [responder, pimpinan, admin]
        levels:
          - name: Kecamatan
            scope: wilayah
            ack_within: {awas: 10m, siaga: 30m, waspada: 2h}
          - name: Kota/Kabupaten
            people: [kapolres_mlg, "@dandim_mlg"]
            ack_within: {awas: 15m, siaga: 1h}
          - name: Forkopimda
            groups: [forkopimda]
      """;

  /** The harness's config with responders, leaders and a ladder; awas reports go to the camat group first. */
  static String config(int port) {
    return BotHarness.CONFIG.replace("\nreports:\n", "\n" + PEOPLE + "reports:\n")
        .replace("alert_groups: [forkopimda]", "alert_groups: [camat_lurah]").replace("  private_reports_to: forkopimda\n", "")
        .replace("  port: 0", "  port: " + port) + RESPONSE + """
        dashboard:
          base_url: http://127.0.0.1:%d
        """.formatted(port);
  }

  private final TestClocks.Movable clock = TestClocks.movableWib("2026-11-25T10:00:00"); // a Wednesday
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private int port;
  private BotHarness bot;
  private BotApiEmulator api;

  @BeforeAll
  void start() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    bot = BotHarness.start(config(port), clock);
    api = bot.api();
  }

  @AfterAll
  void stop() {
    bot.close();
  }

  @Test
  void fourAlertsOfOneDay() throws Exception {
    // 1. Nobody presses: the city at +10 min, Forkopimda at +25, each once.
    Call first = report("10:00", "Bentrok antarwarga di Jl. Merdeka");
    assertThat(first.text()).contains("AWAS");
    assertThat(first.button("Saya tangani")).startsWith("t1:");
    assertThat(api.awaitMessage(KAPOLSEK, t -> t.contains("Perlu penanganan")).text()).contains("Bentrok antarwarga");
    assertThat(api.awaitMessage(DANRAMIL, t -> t.contains("Perlu penanganan"))).isNotNull();
    assertThat(sweepAt("10:09")).isZero();
    assertThat(sweepAt("10:10")).isEqualTo(1);
    assertThat(sweepAt("10:11")).isZero();
    bot.awaitQuiet();
    assertThat(escalations(KAPOLRES, "Kota/Kabupaten")).hasSize(1);
    assertThat(escalations(DANDIM, "Kota/Kabupaten")).hasSize(1);
    assertThat(escalations(FORKOPIMDA, "Forkopimda")).isEmpty();
    assertThat(sweepAt("10:24")).isZero();
    assertThat(sweepAt("10:25")).isEqualTo(1);
    assertThat(sweepAt("10:40")).isZero();
    bot.awaitQuiet();
    assertThat(escalations(FORKOPIMDA, "Forkopimda")).hasSize(1);
    assertThat(escalations(FORKOPIMDA, "Forkopimda").getFirst().button("Saya tangani")).isEqualTo(first.button("Saya tangani"));
    assertThat(escalations(KAPOLRES, "Kota/Kabupaten")).hasSize(1);

    // 2. The Kapolsek takes the second at +4 min: the message shows him, the reporter hears, nothing climbs.
    Call second = report("11:00", "Massa berkumpul di depan balai RW 05");
    at("11:04");
    press(second, KAPOLSEK, "Budi", "Saya tangani");
    bot.awaitQuiet();
    assertThat(edits(second)).last().satisfies(edit -> assertThat(edit.text())
        .contains("Ditangani:</b> AKP Budi (Kapolsek Klojen) — 4 menit setelah laporan"));
    assertThat(api.awaitMessage(CAMAT, t -> t.contains("ditangani oleh AKP Budi (Kapolsek Klojen)")).text()).contains("4 menit");
    assertThat(api.awaitMessage(DANRAMIL, t -> t.contains("kini ditangani oleh AKP Budi"))).isNotNull();
    assertThat(sweepAt("11:30")).isZero();
    assertThat(sweepAt("11:59")).isZero();
    bot.awaitQuiet();
    assertThat(escalations(KAPOLRES, "Kota/Kabupaten")).hasSize(1); // still only the first alert's

    // 3. Two responders press within 100 ms: exactly one handler, and the other is told who.
    Call third = report("12:00", "Pemuda dua kampung saling lempar batu");
    at("12:12");
    int answersBefore = api.calls("answerCallbackQuery").size();
    press(third, KAPOLSEK, "Budi", "Saya tangani");
    press(third, DANRAMIL, "Joko", "Saya tangani");
    bot.awaitQuiet();
    List<String> answers = api.calls("answerCallbackQuery").subList(answersBefore, api.calls("answerCallbackQuery").size())
        .stream().map(c -> c.params().path("text").asText()).toList();
    assertThat(answers).hasSize(2).anyMatch(a -> a.startsWith("Terima kasih. Anda tercatat menangani"))
        .anyMatch(a -> a.startsWith("Sudah ditangani oleh"));
    String number = number(third);
    assertThat((int) bot.jdbi().withHandle(h -> h.createQuery("""
        SELECT count(*) FROM alert_action a JOIN alert ON alert.id = a.alert_id WHERE subject = :n AND action = 'take'""")
        .bind("n", number).mapTo(Integer.class).one())).isEqualTo(1);
    assertThat(edits(third).getLast().text()).contains("— 12 menit setelah laporan");
    List<String> presses = bot.jdbi().withHandle(h -> h.createQuery("""
        SELECT a.user_id || ':' || a.action FROM alert_action a JOIN alert ON alert.id = a.alert_id WHERE subject = :n ORDER BY a.id""")
        .bind("n", number).mapTo(String.class).list());
    assertThat(presses).as("every press is recorded").hasSize(2)
        .containsAnyOf(KAPOLSEK + ":take", DANRAMIL + ":take").containsAnyOf(KAPOLSEK + ":refused", DANRAMIL + ":refused");

    // 4. A pelapor pressing is refused; the Danramil closes it with "Selesai" and one line.
    Call fourth = report("13:00", "Konvoi perguruan silat melintas");
    at("13:20");
    press(fourth, CAMAT, "Heri", "Saya tangani");
    bot.awaitQuiet();
    assertThat(api.calls("answerCallbackQuery").getLast().params().path("text").asText()).contains("hanya untuk responder, pimpinan, admin");
    press(fourth, DANRAMIL, "Joko", "Selesai");
    Call question = api.awaitMessage(CAMAT_LURAH, t -> t.contains("mohon tulis hasil penanganan " + number(fourth)));
    assertThat(question.params().path("reply_markup").path("force_reply").asBoolean()).isTrue();
    api.replyToBot(CAMAT_LURAH, "Camat dan Lurah", question.messageId(), DANRAMIL, "Joko", "Sudah dihalau ke jalur resmi, situasi kondusif.");
    bot.awaitQuiet();
    assertThat(api.awaitMessage(CAMAT_LURAH, t -> t.contains(number(fourth) + " ditutup"))).isNotNull();
    assertThat((String) bot.jdbi().withHandle(h -> h.createQuery("SELECT status || '|' || closed_note FROM report WHERE number = :n")
        .bind("n", number(fourth)).mapTo(String.class).one())).isEqualTo("closed|Sudah dihalau ke jalur resmi, situasi kondusif.");
    assertThat(edits(fourth).getLast().text()).contains("Ditangani:</b> Kapten Inf. Joko (Danramil Klojen) — 20 menit", "Selesai</b> 20 menit");
    assertThat(edits(fourth).getLast().params().has("reply_markup")).isFalse();
    assertThat(api.awaitMessage(CAMAT, t -> t.contains("selesai ditangani oleh Kapten Inf. Joko"))).isNotNull();
    api.privateText(CAMAT, "Heri", "/laporanku");
    assertThat(api.awaitMessage(CAMAT, t -> t.contains("Laporan terakhir")).text())
        .contains("selesai: Sudah dihalau", "ditangani AKP Budi", "belum ditangani");

    // The digest and the dashboard agree: 4, 12 and 20 minutes taken (median 12); 3 past the 10-minute limit.
    String line = "Waktu tanggap: median 12 menit; 3 dari 4 melewati batas; belum ditangani: 1";
    at("14:00");
    api.groupText(FORKOPIMDA, "Forkopimda", PIMPINAN, "Wahyu", "/rekap");
    assertThat(api.awaitAnswer(FORKOPIMDA, PIMPINAN, t -> t.contains("Waktu tanggap")).text()).contains(line);
    String page = ringkasan();
    String card = page.substring(page.indexOf("id=\"tanggap\""));
    card = card.substring(0, card.indexOf("</section>"));
    assertThat(card).contains(line).contains(number(first) + " AWAS", "belum ditangani · tingkat 3")
        .contains(number(second) + " AWAS", "AKP Budi (Kapolsek Klojen) · tingkat 1").doesNotContain(number(fourth));
    api.privateText(PIMPINAN, "Wahyu", "/tanggap");
    assertThat(api.awaitMessage(PIMPINAN, t -> t.contains("masih terbuka")).text()).contains("(3)", number(first), "⚠ belum ditangani (tingkat 3)");

    // An admin's /tutup closes the alert too: its messages lose their buttons, /tanggap lists two.
    api.privateText(BotHarness.ADMIN, "Rina", "/tutup " + number(first) + " Sudah kondusif, dimediasi camat");
    bot.awaitQuiet();
    assertThat(edits(first).getLast().text()).contains("Selesai</b>", "Sudah kondusif, dimediasi camat");
    assertThat(edits(first).getLast().params().has("reply_markup")).isFalse();
    api.privateText(PIMPINAN, "Wahyu", "/tanggap");
    assertThat(api.awaitMessage(PIMPINAN, t -> t.contains("masih terbuka") && t.contains("(2)")).text()).doesNotContain(number(first));

    String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).contains("rakorbot_alert_acknowledge_seconds_count 3\n", "rakorbot_alert_escalations_total{level=\"Forkopimda\"} 1.0")
        .contains("rakorbot_alert_acknowledge_seconds_bucket{le=\"600.0\"} 1\n", "rakorbot_alert_acknowledge_seconds_bucket{le=\"900.0\"} 2\n");
  }

  private Call report(String time, String description) {
    at(time);
    int before = api.messagesTo(CAMAT_LURAH).size();
    api.privateText(CAMAT, "Heri", "/lapor konflik awas " + description);
    return api.awaitMessage(CAMAT_LURAH, t -> t.contains(description) && api.messagesTo(CAMAT_LURAH).size() > before);
  }

  private void at(String time) {
    clock.moveTo(ZonedDateTime.parse("2026-11-25T" + time + ":00+07:00[Asia/Jakarta]").toInstant());
  }

  /** Half a minute past {@code time}: a level falls due a moment (the report's way through the bot) after the whole minute. */
  private int sweepAt(String time) {
    clock.moveTo(ZonedDateTime.parse("2026-11-25T" + time + ":30+07:00[Asia/Jakarta]").toInstant());
    return bot.rakorbot().response().sweep();
  }

  private void press(Call message, long userId, String name, String button) {
    api.pressButton(message.chatId(), "Camat dan Lurah", message.messageId(), userId, name, message.button(button));
  }

  private List<Call> escalations(long chatId, String level) {
    return api.messagesTo(chatId).stream().filter(c -> c.text().contains("Eskalasi ke " + level)).toList();
  }

  private List<Call> edits(Call message) {
    return api.calls("editMessageText").stream()
        .filter(c -> c.chatId() == message.chatId() && c.params().path("message_id").asInt() == message.messageId()).toList();
  }

  private static String number(Call alert) {
    Matcher m = Pattern.compile("LAP-\\d{4}-\\d{6}").matcher(alert.text());
    assertThat(m.find()).isTrue();
    return m.group();
  }

  /** The Ringkasan page as the pimpinan sees it, logged in through the link /dasbor sends. */
  private String ringkasan() throws Exception {
    int before = api.messagesTo(PIMPINAN).size();
    api.privateText(PIMPINAN, "Wahyu", "/dasbor");
    api.awaitMessage(PIMPINAN, t -> t.contains("Masuk ke dasbor") && api.messagesTo(PIMPINAN).size() > before);
    Matcher link = Pattern.compile("href=\"([^\"]+masuk[^\"]+)\"").matcher(api.messagesTo(PIMPINAN).getLast().text());
    assertThat(link.find()).isTrue();
    String token = link.group(1).replace("&amp;", "&").replaceFirst(".*[?&]t=", "");
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dasbor/masuk"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("t=" + token)).build(),
        HttpResponse.BodyHandlers.ofString()); // what the page's button posts
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dasbor/ringkasan")).header("Cookie", cookie).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
