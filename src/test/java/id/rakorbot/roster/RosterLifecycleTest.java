package id.rakorbot.roster;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bindings over time: an @username confirmed by its owner, a person's new account replacing the old one (the
 * admin is told), a bound group moved to a supergroup, a person taken off the roster unbound, and /bantuan
 * linking the Indonesian guides that the bot's own web server serves.
 */
class RosterLifecycleTest {

  static final long ADMIN = 710_000_001L;
  static final long AGUS = 710_000_002L;
  static final long BUDI_OLD = 710_000_003L;
  static final long BUDI_NEW = 710_000_004L;
  static final long GROUP = -1003000000001L;
  static final long SUPERGROUP = -1003000000009L;

  static List<Object[]> rows(boolean withBudi) {
    List<Object[]> rows = new java.util.ArrayList<>(List.<Object[]>of(
        new Object[] {"Rina Wulandari", "Analis", "Bakesbangpol", "", "0812 5000 0001", "admin, peserta", "camat_lurah"},
        new Object[] {"Ir. Agus Widodo", "Kabid SDA", "Dinas PUPR", "", "0812 5000 0002", "peserta", "camat_lurah"}));
    if (withBudi) {
      rows.add(new Object[] {"Budi Santoso", "Lurah", "Kelurahan", "Kauman", "0812 5000 0003", "pelapor", "camat_lurah"});
    }
    return rows;
  }

  static void write(Path file, boolean withBudi) throws Exception {
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = java.nio.file.Files.newOutputStream(file)) {
      var sheet = workbook.createSheet("Peserta");
      String[] headers = {"Nama", "Jabatan", "Instansi", "Wilayah", "Nomor HP", "Peran", "Grup", "Username"};
      var header = sheet.createRow(0);
      for (int c = 0; c < headers.length; c++) {
        header.createCell(c).setCellValue(headers[c]);
      }
      List<Object[]> rows = rows(withBudi);
      for (int r = 0; r < rows.size(); r++) {
        var row = sheet.createRow(r + 1);
        for (int c = 0; c < rows.get(r).length; c++) {
          row.createCell(c).setCellValue(String.valueOf(rows.get(r)[c]));
        }
        row.createCell(7).setCellValue(r == 1 ? "@agus_pupr" : "");
      }
      workbook.write(out);
    }
  }

  @Test
  void bindingsFollowPeopleThroughNewAccountsRemovalAndASupergroupMove(@TempDir Path dir) throws Exception {
    Path roster = dir.resolve("peserta.xlsx");
    write(roster, true);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String yaml = """
        telegram:
          api_url: ${TELEGRAM_API_URL}
          poll_timeout_seconds: 1
        http:
          port: %d
        dashboard:
          base_url: http://127.0.0.1:%d
        groups:
          - {id: camat_lurah, name: Camat dan Lurah}
          - {id: fkub, name: FKUB}
        roster: {file: "%s"}
        reports:
          categories:
            - {key: pencurian, label: Pencurian, group: Kejahatan konvensional}
          areas: [Kauman]
        """.formatted(port, port, roster.toString().replace("\\", "/"));
    try (BotHarness bot = BotHarness.start(yaml, Clock.systemUTC())) {
      BotApiEmulator api = bot.api();
      api.sharedContact(ADMIN, "Rina", "6281250000001", ADMIN);
      bot.awaitQuiet();

      // @username: asked, confirmed by its owner, bound.
      api.privateTextWithUsername(AGUS, "Agus", "agus_pupr", "/start");
      bot.awaitQuiet();
      var question = api.messagesTo(AGUS).getLast();
      assertThat(question.text()).contains("Apakah Anda <b>Ir. Agus Widodo</b>, Kabid SDA?");
      api.pressButton(AGUS, "Agus", question.messageId(), AGUS, "Agus", question.button("Ya, benar")); // without the username: refused
      bot.awaitQuiet();
      assertThat(via(bot, AGUS)).isNull();
      api.pressButtonWithUsername(AGUS, "Agus", "agus_pupr", question.messageId(), question.button("Ya, benar"));
      bot.awaitQuiet();
      assertThat(api.calls("editMessageText").getLast().text()).contains("Ir. Agus Widodo", "sudah tertaut");
      assertThat(via(bot, AGUS)).isEqualTo("username");

      // A new account for the same number replaces the old one, and the admins hear of it.
      api.sharedContact(BUDI_OLD, "Budi", "6281250000003", BUDI_OLD);
      bot.awaitQuiet();
      api.sharedContact(BUDI_NEW, "Budi", "+6281250000003", BUDI_NEW);
      bot.awaitQuiet();
      assertThat(api.messagesTo(ADMIN).getLast().text()).contains("Akun Telegram <b>Budi Santoso</b> berganti");
      assertThat(via(bot, BUDI_NEW)).isEqualTo("kontak");
      assertThat(via(bot, BUDI_OLD)).isNull();
      api.privateText(BUDI_OLD, "Budi", "/lapor pencurian Motor hilang");
      api.privateText(BUDI_NEW, "Budi", "/lapor pencurian Motor hilang di pasar");
      bot.awaitQuiet();
      assertThat(reports(bot, BUDI_OLD)).isZero();
      assertThat(reports(bot, BUDI_NEW)).isEqualTo(1);

      // A bound group that Telegram moves to a supergroup stays bound.
      api.botAdded(GROUP, "Camat Lurah", ADMIN);
      bot.awaitQuiet();
      api.pressButton(GROUP, "Camat Lurah", api.messagesTo(GROUP).getLast().messageId(), ADMIN, "Rina", "g1:camat_lurah");
      bot.awaitQuiet();
      api.groupMigrated(GROUP, SUPERGROUP, "Camat Lurah");
      bot.awaitQuiet();
      api.groupText(SUPERGROUP, "Camat Lurah", AGUS, "Agus", "/start");
      bot.awaitQuiet();
      assertThat(api.messagesTo(SUPERGROUP).getLast().text()).contains("Camat dan Lurah");

      // Taken off the roster: unbound at the next reload.
      write(roster, false);
      api.privateText(ADMIN, "Rina", "/muat_ulang");
      bot.awaitQuiet();
      assertThat(api.messagesTo(ADMIN).getLast().text()).contains("dimuat");
      assertThat(via(bot, BUDI_NEW)).isNull();
      assertThat(via(bot, AGUS)).isEqualTo("username");

      // /bantuan links the guides; the admin also gets the admin's guide; the pages are served, pictures too.
      api.privateText(AGUS, "Agus", "/bantuan");
      api.privateText(ADMIN, "Rina", "/bantuan");
      bot.awaitQuiet();
      String base = "http://127.0.0.1:" + port + "/panduan/";
      assertThat(api.messagesTo(AGUS).getLast().text()).contains("href=\"" + base + "pengguna\"").doesNotContain("Panduan admin");
      assertThat(api.messagesTo(ADMIN).getLast().text()).contains("href=\"" + base + "admin\"");
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "pengguna")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<h1>Panduan pengguna Rakorbot</h1>", "<table>", "name=\"viewport\"", "src=\"dasbor-laporan-hp.png\"");
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "dasbor-laporan-hp.png")).build(), HttpResponse.BodyHandlers.ofByteArray())
          .headers().firstValue("Content-Type")).contains("image/png");
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "admin")).build(), HttpResponse.BodyHandlers.ofString()).body())
          .contains("roster invite --out undangan.csv");
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "../../etc/passwd")).build(), HttpResponse.BodyHandlers.ofString())
          .statusCode()).isIn(400, 404);
    }
  }

  private static String via(BotHarness bot, long user) {
    return bot.jdbi().withHandle(h -> h.createQuery("SELECT via FROM roster_binding WHERE user_id = :u").bind("u", user)
        .mapTo(String.class).findOne().orElse(null));
  }

  private static int reports(BotHarness bot, long user) {
    Integer n = bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM report WHERE reporter_id = :u").bind("u", user)
        .mapTo(Integer.class).one());
    return n;
  }
}
