package id.rakorbot.roster;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Main;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A regency starts from its spreadsheet: 30 people in an XLSX, no user_id and no chat_id anywhere. 20 bind by
 * sharing their contact, 5 by a personal invite link from {@code roster invite}; a forged contact and a second
 * account on a used link are refused; three groups are bound by an admin's tap (a peserta's tap is refused); a
 * reminder reaches a bound group, a bound pelapor's /lapor is stored, and /anggota lists exactly the 5 still unbound.
 */
class RosterBindingTest {

  static final long FIRST_USER = 700_000_001L;
  static final long FORKOPIMDA_CHAT = -1002000000001L;
  static final long PKS_CHAT = -1002000000002L;
  static final long CAMAT_LURAH_CHAT = -1002000000003L;

  /** Row i (0-based) of the roster: person 0 is the admin, 1-9 peserta of forkopimda/PKS, 10-29 camat and lurah (pelapor). */
  static List<Object[]> people() {
    List<Object[]> rows = new ArrayList<>();
    String[] areas = {"Klojen", "Kauman", "Blimbing"};
    for (int i = 0; i < 30; i++) {
      String phone = switch (i % 3) { // as offices write them
        case 0 -> "0812-3400-" + String.format("%04d", i);
        case 1 -> "+62 812 3400 " + String.format("%04d", i);
        default -> "0812 3400 " + String.format("%04d", i);
      };
      if (i == 0) {
        rows.add(new Object[] {"Rina Wulandari, S.IP.", "Analis Kewaspadaan Nasional", "Bakesbangpol", "", phone, "admin, peserta",
            "forkopimda, tim_terpadu_pks, camat_lurah"});
      } else if (i < 10) {
        rows.add(new Object[] {"Peserta Forum " + i, "Kepala Seksi " + i, "Polresta", "", phone, "peserta", "forkopimda; tim_terpadu_pks"});
      } else {
        rows.add(new Object[] {"Lurah Nomor " + i, "Lurah", "Kelurahan", areas[i % 3], phone, "pelapor, peserta", "camat_lurah"});
      }
    }
    return rows;
  }

  static String phoneOf(int i) {
    return "628123400" + String.format("%04d", i); // as Telegram sends a shared contact: digits, no +
  }

  /** The XLSX with its headers in another order and written another way than the bot's own names. */
  static void writeXlsx(Path file, List<Object[]> rows) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("Peserta");
      String[] headers = {"No.", "NAMA LENGKAP", "Jabatan", "Instansi", "Wilayah", "No. HP", "Peran", "Grup"};
      Row header = sheet.createRow(0);
      for (int c = 0; c < headers.length; c++) {
        header.createCell(c).setCellValue(headers[c]);
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        row.createCell(0).setCellValue(r + 1);
        for (int c = 0; c < rows.get(r).length; c++) {
          row.createCell(c + 1).setCellValue(String.valueOf(rows.get(r)[c]));
        }
      }
      workbook.write(out);
    }
  }

  static String config(Path roster) {
    return """
        bot:
          time_zone: Asia/Jakarta
        telegram:
          api_url: ${TELEGRAM_API_URL}
          poll_timeout_seconds: 1
        database:
          url: ${DATABASE_URL:-}
        http:
          port: 0
        groups:
          - {id: forkopimda, name: Forkopimda Kota Malang}
          - {id: tim_terpadu_pks, name: Tim Terpadu PKS}
          - {id: camat_lurah, name: Camat dan Lurah}
          - {id: fkub, name: FKUB Kota Malang}
        roster: {file: "%s"}
        schedules:
          - {id: rakor, title: Rakor Forkopimda, kind: rakor, groups: [forkopimda], time: "09:00",
             repeat: {every: once, date: 2026-01-22}, reminders: [1d], nudge: none}
        reports:
          categories:
            - {key: pencurian, label: Pencurian, group: Kejahatan konvensional}
          areas: [Klojen, Kauman, Blimbing]
          private_reports_to: forkopimda
          alert_groups: [forkopimda]
        """.formatted(roster.toString().replace("\\", "/"));
  }

  @Test
  void aRegencyBindsItsPeopleAndGroupsWithoutTypingAnId(@TempDir Path dir) throws Exception {
    Path roster = dir.resolve("peserta.xlsx");
    writeXlsx(roster, people());
    TestClocks.Movable clock = TestClocks.movableWib("2026-01-20T09:00:00");
    try (BotHarness bot = BotHarness.start(config(roster), clock)) {
      BotApiEmulator api = bot.api();

      // Nobody is known yet: /start offers the share-my-number button.
      api.privateText(FIRST_USER, "Rina", "/start");
      bot.awaitQuiet();
      var offer = api.messagesTo(FIRST_USER).getLast();
      assertThat(offer.text()).contains("Bagikan nomor saya");
      assertThat(offer.params().at("/reply_markup/keyboard/0/0/request_contact").asBoolean()).isTrue();

      // A forged contact: someone else's card, and a typed one, bind nobody.
      long stranger = 799_000_001L;
      api.sharedContact(stranger, "Orang Lain", phoneOf(3), FIRST_USER + 3);
      api.sharedContact(stranger, "Orang Lain", phoneOf(4), null);
      bot.awaitQuiet();
      assertThat(api.messagesTo(stranger)).hasSize(2).allMatch(c -> c.text().contains("nomor Anda sendiri"));

      // 20 people share their own contact: persons 0-19.
      for (int i = 0; i < 20; i++) {
        api.sharedContact(FIRST_USER + i, "Orang " + i, i % 2 == 0 ? phoneOf(i) : "+" + phoneOf(i), FIRST_USER + i);
      }
      bot.awaitQuiet();
      for (int i = 0; i < 20; i++) {
        assertThat(api.messagesTo(FIRST_USER + i).getLast().text()).as("person " + i).contains("akun Telegram Anda sudah tertaut");
      }
      assertThat(api.messagesTo(FIRST_USER).getLast().params().at("/reply_markup/remove_keyboard").asBoolean()).isTrue();
      assertThat(bindings(bot)).isEqualTo(20);
      assertThat(api.messagesTo(stranger)).hasSize(2); // person 3's binding is theirs, not the forger's

      // The admin writes invite links for the 10 still unbound; 5 of them open theirs.
      Path csv = dir.resolve("undangan.csv");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = Main.execute(new String[] {"roster", "invite", "--out", csv.toString(), "--config", bot.configFile().toString()},
          Map.of("DATABASE_URL", bot.schema().jdbcUrlWithCredentials(), "TELEGRAM_API_URL", api.url(),
              "TELEGRAM_BOT_TOKEN", BotApiEmulator.TOKEN)::get, new PrintWriter(out, true), new PrintWriter(err, true));
      assertThat(exit).as(err.toString()).isZero();
      assertThat(out.toString()).contains("10 tautan undangan ditulis");
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      assertThat(lines.getFirst()).startsWith("\uFEFF\"nama\";\"jabatan\"");
      assertThat(lines).hasSize(11);
      List<String> links = lines.subList(1, 11).stream().map(l -> l.split(";")[5].replace("\"", "")).toList();
      assertThat(links).allMatch(l -> l.startsWith("https://t.me/" + BotApiEmulator.BOT_USERNAME + "?start=i"));
      assertThat(lines.get(1)).contains("Lurah Nomor 20", "+6281234000020");
      for (int i = 0; i < 5; i++) {
        String payload = links.get(i).substring(links.get(i).indexOf("start=") + 6);
        api.privateText(FIRST_USER + 20 + i, "Undangan " + i, "/start " + payload);
      }
      bot.awaitQuiet();
      for (int i = 0; i < 5; i++) {
        assertThat(api.messagesTo(FIRST_USER + 20 + i).getLast().text()).contains("Lurah Nomor " + (20 + i), "sudah tertaut");
      }
      // A used link opened by a second account is refused; the link is stored only as its hash.
      api.privateText(799_000_002L, "Akun Kedua", "/start " + links.getFirst().substring(links.getFirst().indexOf("start=") + 6));
      bot.awaitQuiet();
      assertThat(api.messagesTo(799_000_002L).getLast().text()).contains("sudah dipakai oleh akun lain");
      assertThat(bindings(bot)).isEqualTo(25);
      assertThat(count(bot, "SELECT count(*) FROM roster_invite WHERE octet_length(token_hash) = 32", "x", 0)).isEqualTo(10); // SHA-256 of each token, never the token

      // Groups: a peserta adds the bot to a group: refused. The admin adds it to three groups and taps their names.
      api.botAdded(-1002000000099L, "Grup Lain", FIRST_USER + 5);
      bot.awaitQuiet();
      assertThat(api.messagesTo(-1002000000099L).getLast().text()).contains("hanya dapat ditambahkan ke grup oleh admin");
      assertThat(api.calls("leaveChat")).anyMatch(c -> c.chatId() == -1002000000099L);

      bindGroup(bot, FORKOPIMDA_CHAT, "Forkopimda Malang", "forkopimda", FIRST_USER + 5); // a peserta's tap first: refused
      bindGroup(bot, PKS_CHAT, "Tim Terpadu", "tim_terpadu_pks", null);
      bindGroup(bot, CAMAT_LURAH_CHAT, "Camat Lurah", "camat_lurah", null);
      assertThat(count(bot, "SELECT count(*) FROM telegram_group WHERE config_id IS NOT NULL", "x", 0)).isEqualTo(3);
      // Tapping a group already bound elsewhere binds nothing twice.
      api.botAdded(-1002000000098L, "Forkopimda Lama", FIRST_USER);
      bot.awaitQuiet();
      var question = api.messagesTo(-1002000000098L).getLast();
      assertThat(question.text()).contains("Grup apakah ini?");
      assertThat(question.params().at("/reply_markup/inline_keyboard").findValuesAsText("text")).containsExactly("FKUB Kota Malang");
      api.pressButton(-1002000000098L, "Forkopimda Lama", question.messageId(), FIRST_USER, "Rina", "g1:forkopimda");
      bot.awaitQuiet();
      assertThat(api.calls("answerCallbackQuery").getLast().params().path("text").asText()).contains("sudah ditautkan ke grup Telegram lain");

      // The reminder reaches the bound group.
      bot.jumpTo(clock, "2026-01-21T08:59:55");
      api.awaitMessage(FORKOPIMDA_CHAT, t -> t.contains("Pengingat H-1") && t.contains("Rakor Forkopimda"));

      // A bound pelapor's report is stored under their account.
      api.privateText(FIRST_USER + 12, "Lurah 12", "/lapor pencurian Motor hilang di parkiran pasar");
      bot.awaitQuiet();
      assertThat(count(bot, "SELECT count(*) FROM report WHERE reporter_id = :u AND reporter_name = 'Lurah Nomor 12'", "u", FIRST_USER + 12)).isEqualTo(1);

      // /anggota lists exactly the 5 still unbound, each with an invite button.
      api.privateText(FIRST_USER, "Rina", "/anggota");
      bot.awaitQuiet();
      var members = api.messagesTo(FIRST_USER).getLast();
      assertThat(members.text()).contains("25 dari 30 orang sudah tertaut");
      List<String> waiting = members.text().lines().filter(l -> l.startsWith("⏳")).distinct().toList();
      assertThat(waiting).hasSize(5).allMatch(l -> l.matches("⏳ Lurah Nomor 2[5-9], Lurah · \\+62812\\*+\\d{3}"));
      assertThat(members.params().at("/reply_markup/inline_keyboard")).hasSize(5);
      // A fresh invite from the button, to the admin only.
      String data = members.params().at("/reply_markup/inline_keyboard/0/0/callback_data").asText();
      api.pressButton(FIRST_USER, "Rina", members.messageId(), FIRST_USER, "Rina", data);
      bot.awaitQuiet();
      assertThat(api.messagesTo(FIRST_USER).getLast().text()).contains("Tautan undangan untuk", "https://t.me/" + BotApiEmulator.BOT_USERNAME + "?start=i");
      // A peserta asking for /anggota is refused.
      api.privateText(FIRST_USER + 5, "Peserta", "/anggota");
      bot.awaitQuiet();
      assertThat(api.messagesTo(FIRST_USER + 5).getLast().text()).contains("hanya untuk admin");
    }
  }

  /** The admin adds the bot to {@code chat}; {@code firstTapBy} (a non-admin) taps first and is refused; then the admin taps. */
  private static void bindGroup(BotHarness bot, long chat, String title, String groupId, Long firstTapBy) {
    BotApiEmulator api = bot.api();
    api.botAdded(chat, title, FIRST_USER);
    bot.awaitQuiet();
    var question = api.messagesTo(chat).getLast();
    assertThat(question.text()).contains("Grup apakah ini?");
    if (firstTapBy != null) {
      api.pressButton(chat, title, question.messageId(), firstTapBy, "Peserta", "g1:" + groupId);
      bot.awaitQuiet();
      assertThat(api.calls("answerCallbackQuery").getLast().params().path("text").asText()).contains("Hanya admin");
      assertThat(count(bot, "SELECT count(*) FROM telegram_group WHERE config_id = :u", "u", groupId)).isZero();
    }
    api.pressButton(chat, title, question.messageId(), FIRST_USER, "Rina", "g1:" + groupId);
    bot.awaitQuiet();
    assertThat(api.calls("editMessageText").getLast().chatId()).isEqualTo(chat);
    assertThat(api.calls("editMessageText").getLast().text()).contains("Grup ini ditautkan sebagai");
  }

  private static int bindings(BotHarness bot) {
    return count(bot, "SELECT count(*) FROM roster_binding", "x", 0);
  }

  private static int count(BotHarness bot, String sql, String name, Object value) {
    Integer n = bot.jdbi().withHandle(h -> {
      var query = h.createQuery(sql);
      return (sql.contains(":" + name) ? query.bindByType(name, value, value.getClass()) : query).mapTo(Integer.class).one();
    });
    return n;
  }
}
