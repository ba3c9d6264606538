package id.rakorbot.audit;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static id.rakorbot.support.BotHarness.LURAH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotApiEmulator.Call;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every audited action, taken as officials take it (over the emulator and the dashboard's HTTP), finds its row in
 * the trail with who, from where and on what; the database itself refuses to change or delete a row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {

  static final long NOTULIS = 100000007;
  static final long PIMPINAN = 100000021;
  static final long STRANGER = 100000099;
  private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");

  private final TestClocks.Movable clock = TestClocks.movableWib("2026-11-25T10:00:00");
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private int port;
  private BotHarness bot;
  private BotApiEmulator api;

  static String config(int port) {
    return BotHarness.CONFIG.replace("\nreports:\n", """

          - user_id: 100000007
            name: Dewi Lestari
            jabatan: Notulis Bakesbangpol
            roles: [notulis]
            groups: [forkopimda]
          - user_id: 100000021
            name: Budi Santoso
            jabatan: Kapolresta
            roles: [pimpinan]
            groups: [forkopimda]
        reports:
        """).replace("  port: 0", "  port: " + port) + """
        follow_ups:
          units:
            - {key: dpupr, name: Dinas PUPR, contacts: [100000004]}
            - {key: dinsos, name: Dinas Sosial, contacts: [100000004]}
        dashboard:
          base_url: http://127.0.0.1:%d
        """.formatted(port);
  }

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
  void reportCorrectionClosingHoldAndReleaseAreAudited() {
    String number = lapor(LURAH, "Siti", "/lapor narkoba Transaksi di pos ronda #Kauman");
    send(LURAH, "Siti", "/koreksi " + number + " Transaksi di pos ronda RT 02", t -> t.contains("dikoreksi") || t.contains("Koreksi"));
    send(ADMIN, "Rina", "/tahan " + number + " Perkara LP/B/123/XI/2026", t -> t.contains("ditahan"));
    send(ADMIN, "Rina", "/tahan lepas " + number, t -> t.contains("dilepas"));
    send(ADMIN, "Rina", "/tutup " + number + " Sudah ditangani Polsek", t -> t.contains(number) && t.contains("selesai ditangani"));
    bot.awaitQuiet();

    assertThat(rows("laporan.koreksi", number)).containsExactly("chat|chat pribadi|Siti Aminah|" + number);
    assertThat(rows("laporan.tahan", number)).containsExactly("chat|chat pribadi|Rina Wulandari|" + number);
    assertThat(details("laporan.tahan", number)).isEqualTo("Perkara LP/B/123/XI/2026");
    assertThat(rows("laporan.lepas", number)).containsExactly("chat|chat pribadi|Rina Wulandari|" + number);
    assertThat(rows("laporan.tutup", number)).containsExactly("chat|chat pribadi|Rina Wulandari|" + number);
  }

  @Test
  void aHoldIsForAdminsAndNeedsAReason() {
    String number = lapor(LURAH, "Siti", "/lapor pencurian Motor hilang di pasar #Kauman");
    api.privateText(LURAH, "Siti", "/tahan " + number + " saya mau");
    assertThat(api.awaitMessage(LURAH, t -> t.contains("khusus untuk admin")).text()).contains("admin Bakesbangpol");
    api.privateText(ADMIN, "Rina", "/tahan " + number);
    assertThat(api.awaitMessage(ADMIN, t -> t.contains("Format")).text()).contains("/tahan LAP-2026-000123 alasan");
    bot.awaitQuiet();
    assertThat(rows("laporan.tahan", number)).isEmpty();
  }

  @Test
  void registrationDecisionsAreAuditedWithThePersonDecidedOn() {
    api.privateText(STRANGER, "Budi", "/daftar Budi Hartono | Lurah Blimbing | blimbing");
    Call request = api.awaitMessage(ADMIN, text -> text.contains("Pendaftaran pelapor") && text.contains("Budi Hartono"));
    api.pressButton(ADMIN, "Rina", request.messageId(), ADMIN, "Rina", request.button("Setujui"));
    api.awaitMessage(STRANGER, t -> t.contains("disetujui"));
    bot.awaitQuiet();
    List<String> found = bot.jdbi().withHandle(h -> h.createQuery("""
        SELECT a.name || '|' || l.subject || '|' || s.name || '|' || s.user_id FROM audit_log l
        JOIN audit_person a ON a.ref = l.actor_ref JOIN audit_person s ON s.ref = l.subject_ref
        WHERE l.action = 'pendaftaran.terima'""").mapTo(String.class).list());
    assertThat(found).containsExactly("Rina Wulandari|pelapor|Budi Hartono|" + STRANGER);

    api.privateText(STRANGER + 1, "Joko", "/daftar Joko Widodo | Lurah Oro-oro Dowo | kauman");
    Call second = api.awaitMessage(ADMIN, text -> text.contains("Pendaftaran pelapor") && text.contains("Joko Widodo"));
    api.pressButton(ADMIN, "Rina", second.messageId(), ADMIN, "Rina", second.button("Tolak"));
    await().atMost(Duration.ofSeconds(20)).until(() -> count("pendaftaran.tolak") == 1);
  }

  private long count(String action) {
    return bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE action = :a").bind("a", action).mapTo(Long.class).one());
  }

  @Test
  void arahanCreatedReassignedClosedAndReopenedAreAudited() {
    api.groupText(FORKOPIMDA, "Forkopimda", NOTULIS, "Dewi", "/arahan @dpupr 10 hari Normalisasi selokan Jl. Ijen");
    String tl = number(api.awaitMessage(FORKOPIMDA, t -> t.contains("Normalisasi selokan") && t.contains("TL-")).text(), "TL-\\d{4}-\\d{4}");
    send(ADMIN, "Rina", "/tl alihkan " + tl + " @dinsos", t -> t.contains(tl) && t.contains("Dinas Sosial"));
    send(BotHarness.CAMAT, "Heri", "/selesai " + tl + " Sudah dinormalisasi", t -> t.contains(tl) && t.contains("selesai"));
    send(ADMIN, "Rina", "/tl buka " + tl + " belum tuntas", t -> t.contains(tl) && t.contains("dibuka"));
    bot.awaitQuiet();

    assertThat(rows("arahan.buat", tl)).containsExactly("chat|grup forkopimda|Dewi Lestari|" + tl);
    assertThat(rows("arahan.alihkan", tl)).containsExactly("chat|chat pribadi|Rina Wulandari|" + tl);
    assertThat(rows("arahan.selesai", tl)).containsExactly("chat|chat pribadi|Heri Susanto|" + tl);
    assertThat(rows("arahan.buka", tl)).containsExactly("chat|chat pribadi|Rina Wulandari|" + tl);
  }

  @Test
  void handlingAnAlertIsAudited() {
    String number = lapor(LURAH, "Siti", "/lapor tawuran siaga Dua kelompok pemuda berkumpul #Kauman");
    Call alert = api.awaitMessage(FORKOPIMDA, t -> t.contains(number) && t.contains("SIAGA"));
    api.pressButton(FORKOPIMDA, "Forkopimda", alert.messageId(), PIMPINAN, "Budi", alert.button("Saya tangani"));
    await().atMost(Duration.ofSeconds(20)).until(() -> !rows("peringatan.tangani", number).isEmpty());
    assertThat(rows("peringatan.tangani", number)).containsExactly("chat|grup forkopimda|Budi Santoso|" + number);

    api.pressButton(FORKOPIMDA, "Forkopimda", alert.messageId(), PIMPINAN, "Budi", alert.button("Butuh bantuan"));
    await().atMost(Duration.ofSeconds(20)).until(() -> !rows("peringatan.bantuan", number).isEmpty());
    assertThat(rows("peringatan.bantuan", number)).containsExactly("chat|grup forkopimda|Budi Santoso|" + number);

    api.pressButton(FORKOPIMDA, "Forkopimda", alert.messageId(), PIMPINAN, "Budi", alert.button("Selesai"));
    Call question = api.awaitMessage(FORKOPIMDA, t -> t.contains("mohon tulis hasil penanganan " + number));
    api.replyToBot(FORKOPIMDA, "Forkopimda", question.messageId(), PIMPINAN, "Budi", "Kedua kelompok dibubarkan, kondusif.");
    await().atMost(Duration.ofSeconds(20)).until(() -> !rows("peringatan.selesai", number).isEmpty());
    assertThat(rows("peringatan.selesai", number)).containsExactly("chat|grup forkopimda|Budi Santoso|" + number);
  }

  @Test
  void aConfigReloadIsAuditedWithWhatChanged() throws Exception {
    Files.writeString(bot.configFile(), Files.readString(bot.configFile()) + "data_protection:\n  officer: {name: Andi Pratama, contact: ppdp@malangkota.go.id}\n");
    send(ADMIN, "Rina", "/muat_ulang", t -> t.contains("dimuat ulang"));
    bot.awaitQuiet();
    List<String> found = bot.jdbi().withHandle(h -> h.createQuery("""
        SELECT l.source || '|' || coalesce(a.name, '-') || '|' || l.details FROM audit_log l LEFT JOIN audit_person a ON a.ref = l.actor_ref
        WHERE l.action = 'konfigurasi.muat' ORDER BY l.id""").mapTo(String.class).list());
    // The file watcher may apply the edit before Rina's /muat_ulang does (then hers changes nothing): either way the
    // change is audited once with what changed, and her reload with who asked for it.
    assertThat(found).filteredOn(row -> row.contains("bagian berubah: data_protection")).isNotEmpty()
        .allMatch(row -> row.matches("(chat\\|Rina Wulandari|system\\|-)\\|.*"));
    assertThat(found).anySatisfy(row -> assertThat(row).startsWith("chat|Rina Wulandari|"));
  }

  @Test
  void dashboardLoginsViewsDownloadsAndKioskLinksAreAuditedAndShownToAdminsOnly() throws Exception {
    String cookie = sessionCookie(loginLink(ADMIN, "Rina"));
    assertThat(get("/dasbor/laporan?pekan=2026-W48", cookie).statusCode()).isEqualTo(200);
    assertThat(get("/dasbor/laporan.csv?pekan=2026-W48", cookie).statusCode()).isEqualTo(200);
    assertThat(get("/dasbor/rekap.pdf?pekan=2026-W48", cookie).statusCode()).isEqualTo(200);
    send(ADMIN, "Rina", "/dasbor layar", t -> t.contains("Tautan layar Command Center"));
    bot.awaitQuiet();

    assertThat(rows("dasbor.masuk", "dasbor")).containsExactly("dashboard|dasbor 127.0.0.1|Rina Wulandari|dasbor");
    assertThat(rows("dasbor.lihat", "laporan")).containsExactly("dashboard|dasbor 127.0.0.1|Rina Wulandari|laporan");
    assertThat(details("dasbor.lihat", "laporan")).isEqualTo("pekan=2026-W48");
    assertThat(rows("dasbor.unduh", "laporan.csv")).hasSize(1);
    assertThat(rows("dasbor.unduh", "rekap.pdf")).hasSize(1);
    assertThat(rows("dasbor.kiosk", "layar")).contains("chat|chat pribadi|Rina Wulandari|layar");
    List<String> kiosk = bot.jdbi().withHandle(h -> h.createQuery("SELECT details FROM audit_log WHERE action = 'dasbor.kiosk'").mapTo(String.class).list());
    assertThat(kiosk).anySatisfy(d -> assertThat(d).startsWith("dibuat, berlaku"));

    HttpResponse<String> page = get("/dasbor/jejak-audit?tindakan=dasbor.unduh", cookie);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Jejak audit", "Unduh CSV/PDF", "laporan.csv", "rekap.pdf", "Rina Wulandari")
        .doesNotContain("Masuk dasbor</td>");
    HttpResponse<String> csv = get("/dasbor/jejak-audit.csv?tindakan=dasbor.masuk", cookie);
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("jejak-audit-");
    assertThat(csv.body().lines().skip(1).toList()).hasSize(1).first().asString().contains("Masuk dasbor", "Rina Wulandari", "dasbor.masuk");
    assertThat(get("/dasbor/jejak-audit?dari=kemarin", cookie).statusCode()).isEqualTo(400);

    String leader = sessionCookie(loginLink(PIMPINAN, "Budi"));
    HttpResponse<String> refused = get("/dasbor/jejak-audit", leader);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("hanya dapat dibuka oleh admin");
  }

  @Test
  void aPersonsExportIsAudited() {
    api.privateText(LURAH, "Siti", "/data_saya");
    await().atMost(Duration.ofSeconds(20)).until(() -> !api.calls("sendDocument").stream().filter(c -> c.chatId() == LURAH).toList().isEmpty());
    bot.awaitQuiet();
    assertThat(rows("data.ekspor", "data_saya")).contains("chat|chat pribadi|Siti Aminah|data_saya");
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteTheTrail() {
    send(ADMIN, "Rina", "/dasbor layar cabut", t -> t.contains("tautan layar"));
    bot.awaitQuiet();
    long before = count();
    assertThat(before).isPositive();
    for (String sql : List.of("UPDATE audit_log SET details = 'diubah'", "DELETE FROM audit_log", "TRUNCATE audit_log",
        "DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)")) {
      assertThatThrownBy(() -> bot.jdbi().useHandle(h -> h.execute(sql))).as(sql).isInstanceOf(JdbiException.class)
          .hasMessageContaining("append-only");
    }
    // Not even with the retention loop's setting: no row younger than a year can go.
    assertThatThrownBy(() -> bot.jdbi().useTransaction(h -> {
      h.createQuery("SELECT set_config('rakorbot.audit_purge', 'on', true)").mapTo(String.class).one();
      h.execute("DELETE FROM audit_log");
    })).hasMessageContaining("append-only");
    assertThat(count()).isEqualTo(before);
  }

  private long count() {
    return bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log").mapTo(Long.class).one());
  }

  /** The report number the bot answers a /lapor with; a quarter of an hour later each time, past the flood limit. */
  private String lapor(long user, String name, String command) {
    clock.moveTo(clock.instant().plus(Duration.ofMinutes(15)));
    int before = api.messagesTo(user).size();
    api.privateText(user, name, command);
    return number(awaitNew(user, before, t -> t.contains("LAP-")).text(), "LAP-\\d{4}-\\d{6}");
  }

  /** The first message to {@code chat} after the first {@code before} that matches. */
  private Call awaitNew(long chat, int before, java.util.function.Predicate<String> text) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> api.messagesTo(chat).stream().skip(before).filter(c -> text.test(c.text())).findFirst(),
        java.util.Optional::isPresent).orElseThrow();
  }

  private void send(long user, String name, String command, java.util.function.Predicate<String> reply) {
    int before = api.messagesTo(user).size();
    api.privateText(user, name, command);
    try {
      awaitNew(user, before, reply);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("no fitting answer to " + command + "; got " + api.messagesTo(user).stream().skip(before).map(Call::text).toList(), e);
    }
  }

  private static String number(String text, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group();
  }

  /** source|origin|actor|subject of the rows of {@code action} on {@code subject}. */
  private List<String> rows(String action, String subject) {
    return bot.jdbi().withHandle(h -> h.createQuery("""
        SELECT l.source || '|' || l.origin || '|' || coalesce(a.name, '-') || '|' || l.subject
        FROM audit_log l LEFT JOIN audit_person a ON a.ref = l.actor_ref
        WHERE l.action = :action AND l.subject = :subject ORDER BY l.id""").bind("action", action).bind("subject", subject)
        .mapTo(String.class).list());
  }

  private String details(String action, String subject) {
    return bot.jdbi().withHandle(h -> h.createQuery("SELECT details FROM audit_log WHERE action = :action AND subject = :subject ORDER BY id LIMIT 1")
        .bind("action", action).bind("subject", subject).mapTo(String.class).one());
  }

  private String loginLink(long userId, String name) {
    int before = api.messagesTo(userId).size();
    api.privateText(userId, name, "/dasbor");
    api.awaitMessage(userId, text -> text.contains("Masuk ke dasbor") && api.messagesTo(userId).size() > before);
    List<Call> messages = api.messagesTo(userId);
    Matcher m = LINK.matcher(messages.get(messages.size() - 1).text());
    assertThat(m.find()).isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  private String sessionCookie(String link) throws Exception {
    String token = URI.create(link).getQuery().substring("t=".length());
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dasbor/masuk"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
        .POST(HttpRequest.BodyPublishers.ofString("t=" + token)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(303);
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Cookie", cookie).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
