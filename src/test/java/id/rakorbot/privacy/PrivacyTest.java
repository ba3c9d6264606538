package id.rakorbot.privacy;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.CAMAT_LURAH;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static id.rakorbot.support.BotHarness.LURAH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rakorbot.Main;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotApiEmulator.Call;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * A person's own data (UU PDP): /privasi says what is kept and for how long, /data_saya returns exactly that person's
 * rows, and an erasure — by an admin's two taps or by {@code hapus-data} — leaves no table holding their name, id,
 * username or phone, while the figures stay.
 */
class PrivacyTest {

  static final String SITI_PHONE = "+6281234567890";

  /** Siti with a phone and @username, a peserta too; a meeting she answers; a PPDP named. */
  static final String CONFIG = BotHarness.CONFIG.replace("""
          name: Siti Aminah
          jabatan: Lurah Kauman
          wilayah: Kauman
          roles: [pelapor]
      """, """
          name: Siti Aminah
          jabatan: Lurah Kauman
          wilayah: Kauman
          phone: "+6281234567890"
          username: siti_kauman
          roles: [pelapor, peserta]
      """) + BotHarness.ONE_MEETING + """
      data_protection:
        officer: {name: Andi Pratama, contact: ppdp@malangkota.go.id}
        retention: {reports: 2y}
      follow_ups:
        units:
          - {key: dpupr, name: Dinas PUPR, contacts: [100000004]}
      """;

  private final TestClocks.Movable clock = TestClocks.movableWib("2026-01-26T10:00:00");

  @Test
  void privasiSaysWhatIsKeptWhyHowLongAndWhoAnswersForIt() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      String privasi = say(api, LURAH, "Siti", "/privasi", t -> t.contains("Pelindungan data pribadi"));
      assertThat(privasi).contains("Andi Pratama (ppdp@malangkota.go.id)", "pesan masuk dari Telegram: 7 hari", "2 tahun",
          "foto: 1 tahun", "Pasal 20", "/data_saya", "/hapus_data", "luar negeri");
      api.groupText(FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/privasi");
      assertThat(api.awaitMessage(FORKOPIMDA, t -> t.contains("/privasi bersifat pribadi")).text()).contains("chat pribadi");
    }
  }

  @Test
  void dataSayaHoldsThatPersonsRowsAndNoOneElses() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      String mine = lapor(api, LURAH, "Siti", "/lapor narkoba Peredaran pil di gang buntu #Kauman");
      String hers = lapor(api, CAMAT, "Heri", "/lapor pencurian Kotak amal masjid dibobol #Klojen");
      api.groupText(CAMAT_LURAH, "Camat dan Lurah", LURAH, "Siti", "/hadir");
      await().atMost(Duration.ofSeconds(20)).until(() -> count(bot, "SELECT count(*) FROM rsvp_answer WHERE user_id = " + LURAH) == 1);
      bot.awaitQuiet();

      api.privateText(LURAH, "Siti", "/data_saya");
      JsonNode file = document(api, LURAH);
      String text = file.toString();
      assertThat(file.path("id_telegram").asLong()).isEqualTo(LURAH);
      assertThat(file.path("roster").path("telepon").asText()).isEqualTo(SITI_PHONE);
      assertThat(file.path("laporan")).hasSize(1);
      assertThat(file.path("laporan").get(0).path("nomor").asText()).isEqualTo(mine);
      assertThat(file.path("laporan").get(0).path("uraian").asText()).isEqualTo("Peredaran pil di gang buntu");
      assertThat(file.path("kehadiran")).hasSize(1);
      assertThat(file.path("kehadiran").get(0).path("jawaban").asText()).isEqualTo("hadir");
      assertThat(text).doesNotContain(hers, "Kotak amal", "Heri", String.valueOf(CAMAT), "Rina");
      bot.awaitQuiet();
      // The file left no copy in the outbox; the export is in the trail.
      assertThat(count(bot, "SELECT count(*) FROM outbox_message WHERE method = 'sendDocument'")).isZero();
      assertThat(count(bot, "SELECT count(*) FROM audit_log WHERE action = 'data.ekspor'")).isEqualTo(1);

      api.groupText(FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/data_saya");
      assertThat(api.awaitMessage(FORKOPIMDA, t -> t.contains("/data_saya bersifat pribadi")).text()).contains("chat pribadi");
    }
  }

  @Test
  void anAdminErasesAPersonInTwoStepsAndNoTableKeepsThemWhileTheFiguresStay() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      api.sharedContact(LURAH, "Siti", SITI_PHONE, LURAH); // she bound her account by sharing her number
      api.privateTextWithUsername(LURAH, "Siti", "siti_kauman", "/start");
      String first = lapor(api, LURAH, "Siti", "/lapor narkoba Peredaran pil di gang buntu #Kauman");
      lapor(api, LURAH, "Siti", "/lapor tawuran siaga Dua kelompok pemuda berkumpul, dilaporkan Siti Aminah #Kauman");
      say(api, LURAH, "Siti", "/koreksi " + first + " Peredaran pil koplo di gang buntu RT 03", t -> t.contains(first));
      api.groupText(CAMAT_LURAH, "Camat dan Lurah", LURAH, "Siti", "/hadir");
      api.groupText(FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/arahan @" + LURAH + " 7 hari Pendataan pos ronda Kauman");
      api.awaitMessage(FORKOPIMDA, t -> t.contains("Pendataan pos ronda"));
      String heris = lapor(api, CAMAT, "Heri", "/lapor pencurian Kotak amal masjid dibobol #Klojen");
      bot.awaitQuiet();
      // A photo each from the form: hers goes with her, his stays.
      bot.jdbi().useHandle(h -> h.execute("INSERT INTO report_photo (report_id, seq, media_type, width, height, content)"
          + " SELECT id, 1, 'image/jpeg', 1, 1, '\\xffd8ff'::bytea FROM report WHERE number IN (?, ?)", first, heris));
      long reports = count(bot, "SELECT count(*) FROM report");
      long answers = count(bot, "SELECT count(*) FROM rsvp_answer");
      assertThat(mentions(bot)).as("Siti is in the database before").isNotEmpty();

      String preview = say(api, ADMIN, "Rina", "/hapus_data " + LURAH, t -> t.contains("Hapus data pribadi"));
      assertThat(preview).contains("Siti Aminah", "laporan: 2", "jawaban kehadiran: 1", "tidak dapat dibatalkan");
      Call prompt = api.messagesTo(ADMIN).getLast();
      api.pressButton(ADMIN, "Rina", prompt.messageId(), CAMAT, "Heri", prompt.button("Ya, hapus")); // not an admin: refused
      api.pressButton(ADMIN, "Rina", prompt.messageId(), ADMIN, "Rina", prompt.button("Ya, hapus"));
      await().atMost(Duration.ofSeconds(20)).until(() -> api.calls("editMessageText").stream()
          .anyMatch(c -> c.chatId() == ADMIN && c.text().contains("Data pribadi dihapus")));
      api.awaitMessage(LURAH, t -> t.contains("telah dihapus atas permintaan"));
      bot.awaitQuiet();

      assertThat(mentions(bot)).as("no table names Siti, her id, @username or phone").isEmpty();
      assertThat(count(bot, "SELECT count(*) FROM report")).isEqualTo(reports);
      assertThat(count(bot, "SELECT count(*) FROM rsvp_answer")).isEqualTo(answers);
      assertThat(count(bot, "SELECT count(*) FROM report WHERE reporter_id = 0 AND category IN ('narkoba', 'tawuran') AND area = 'Kauman'")).isEqualTo(2);
      assertThat(count(bot, "SELECT count(*) FROM report WHERE number = '" + heris + "' AND description = 'Kotak amal masjid dibobol'")).isEqualTo(1);
      assertThat(count(bot, "SELECT count(*) FROM report_photo p JOIN report r ON r.id = p.report_id WHERE r.number = '" + first + "'")).isZero();
      assertThat(count(bot, "SELECT count(*) FROM report_photo p JOIN report r ON r.id = p.report_id WHERE r.number = '" + heris + "'")).isEqualTo(1);
      List<String> audit = bot.jdbi().withHandle(h -> h.createQuery("""
          SELECT l.subject || '|' || a.name FROM audit_log l JOIN audit_person a ON a.ref = l.actor_ref WHERE l.action = 'data.hapus'""")
          .mapTo(String.class).list());
      assertThat(audit).singleElement().asString().startsWith("orang terhapus #").endsWith("|Rina Wulandari");
      // The koreksi she made is still in the trail, by no one named.
      List<String> corrector = bot.jdbi().withHandle(h -> h.createQuery("""
          SELECT a.name FROM audit_log l JOIN audit_person a ON a.ref = l.actor_ref WHERE l.action = 'laporan.koreksi'""")
          .mapTo(String.class).list());
      assertThat(corrector).containsExactly("[dihapus]");
      // A second press finds nothing to do.
      api.pressButton(ADMIN, "Rina", prompt.messageId(), ADMIN, "Rina", prompt.button("Ya, hapus"));
      await().atMost(Duration.ofSeconds(10)).until(() -> api.calls("answerCallbackQuery").stream()
          .anyMatch(c -> c.params().path("text").asText().contains("sudah diputuskan")));
    }
  }

  @Test
  void theCommandLineErasesWithAPreviewFirst() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      lapor(api, CAMAT, "Heri", "/lapor pencurian Kotak amal masjid dibobol #Klojen");
      bot.awaitQuiet();
      Map<String, String> env = Map.of("DATABASE_URL", bot.schema().jdbcUrlWithCredentials(), "TELEGRAM_API_URL", api.url());
      java.nio.file.Path config = bot.configFile().resolveSibling("cli.yaml");
      java.nio.file.Files.writeString(config, CONFIG + "database:\n  url: ${DATABASE_URL}\n");
      String[] preview = {"hapus-data", "--config", config.toString(), "--user", String.valueOf(CAMAT)};
      StringWriter out = new StringWriter();
      assertThat(Main.execute(preview, env::get, new PrintWriter(out), new PrintWriter(new StringWriter()))).isZero();
      assertThat(out.toString()).contains("laporan: 1", "--ya");
      assertThat(count(bot, "SELECT count(*) FROM report WHERE reporter_id = " + CAMAT)).isEqualTo(1);

      out = new StringWriter();
      String[] erase = {"hapus-data", "--config", config.toString(), "--user", String.valueOf(CAMAT), "--ya"};
      assertThat(Main.execute(erase, env::get, new PrintWriter(out), new PrintWriter(new StringWriter()))).isZero();
      assertThat(out.toString()).contains("Data pribadi dihapus", "masih ada di roster");
      api.awaitMessage(CAMAT, t -> t.contains("telah dihapus atas permintaan")); // sent by the running bot's outbox
      bot.awaitQuiet();
      assertThat(count(bot, "SELECT count(*) FROM report WHERE reporter_id = " + CAMAT)).isZero();
      assertThat(count(bot, "SELECT count(*) FROM audit_log l JOIN audit_person a ON a.ref = l.actor_ref "
          + "WHERE l.action = 'data.hapus' AND l.source = 'cli' AND a.name LIKE 'operator CLI%'")).isEqualTo(1);
    }
  }

  /** Every table (Quartz's too), every row as text: where Siti's name, id, username or phone still appears. */
  private static List<String> mentions(BotHarness bot) {
    Pattern person = Pattern.compile("Siti|siti_kauman|81234567890|(^|[^0-9])" + LURAH + "($|[^0-9])");
    return bot.jdbi().withHandle(h -> {
      List<String> found = new ArrayList<>();
      for (String table : h.createQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
          .mapTo(String.class).list()) {
        for (String row : rows(h, table)) {
          Matcher m = person.matcher(row);
          if (m.find()) {
            found.add(table + ": " + row.substring(Math.max(0, m.start() - 60), Math.min(row.length(), m.end() + 60)));
          }
        }
      }
      return found;
    });
  }

  private static List<String> rows(Handle h, String table) {
    return h.createQuery("SELECT t::text FROM \"" + table + "\" t").mapTo(String.class).list();
  }

  private static long count(BotHarness bot, String sql) {
    return bot.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static String say(BotApiEmulator api, long user, String name, String command, Predicate<String> answer) {
    int before = api.messagesTo(user).size();
    api.privateText(user, name, command);
    return await().atMost(Duration.ofSeconds(20)).until(() -> api.messagesTo(user).stream().skip(before)
        .filter(c -> answer.test(c.text())).findFirst(), java.util.Optional::isPresent).orElseThrow().text();
  }

  private String lapor(BotApiEmulator api, long user, String name, String command) {
    clock.moveTo(clock.instant().plus(Duration.ofMinutes(15)));
    Matcher m = Pattern.compile("LAP-\\d{4}-\\d{6}").matcher(say(api, user, name, command, t -> t.contains("LAP-")));
    assertThat(m.find()).isTrue();
    return m.group();
  }

  private static JsonNode document(BotApiEmulator api, long chat) throws Exception {
    await().atMost(Duration.ofSeconds(20)).until(() -> api.calls("sendDocument").stream().anyMatch(c -> c.chatId() == chat));
    JsonNode document = api.calls("sendDocument").stream().filter(c -> c.chatId() == chat).findFirst().orElseThrow().params().path("document");
    assertThat(document.path("filename").asText()).startsWith("data-saya-").endsWith(".json");
    return new ObjectMapper().readTree(document.path("bytes").binaryValue());
  }
}
