package id.rakorbot.followup;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static id.rakorbot.support.BotHarness.LURAH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A follow-up's life over the emulator, on a clock moved from day to day: recorded by a notulis at a rakor,
 * the owner told, reminded at H-3 and H-1 and when overdue, the weekly overdue list, /progres, /selesai with a
 * photo, /tl, the digest and the next meeting's reminder; refused to others; across a restart.
 */
class FollowUpTest {

  static final long NOTULIS = BotHarness.NOTULIS;

  static final String CONFIG = BotHarness.withNotulis(BotHarness.CONFIG) + """
      follow_ups:
        units:
          - {key: dpupr, name: Dinas PUPR, contacts: [100000004]}
      schedules:
        - id: rakor_forkopimda
          title: Rakor Forkopimda
          kind: rakor
          groups: [forkopimda]
          time: "09:00"
          repeat: {every: month, weekday: rabu, week: last}
          reminders: [1d]
      """;

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  @Test
  void aFollowUpFromRecordToClosing() throws Exception {
    var clock = new TestClocks.Movable(wib("2026-11-25T11:00:00")); // the rakor of Wednesday 25 November has been held
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      api.privateText(CAMAT, "Heri", "/start"); // Heri answers for Dinas PUPR and has opened the bot; Siti has not
      api.awaitMessage(CAMAT, text -> text.contains("Heri"));

      api.groupText(FORKOPIMDA, "Forkopimda", CAMAT, "Heri", "/arahan @dpupr 7 hari Normalisasi selokan");
      assertThat(api.awaitMessage(FORKOPIMDA, text -> text.contains("notulis")).text()).contains("hanya dapat dicatat oleh notulis atau admin");

      api.groupText(FORKOPIMDA, "Forkopimda", NOTULIS, "Dewi", "/arahan @dpupr 10 hari Normalisasi selokan Jl. Ijen sebelum musim hujan");
      assertThat(api.awaitMessage(FORKOPIMDA, text -> text.contains("TL-2026-0001")).text())
          .contains("Rakor Forkopimda, Rabu, 25 November 2026", "Dinas PUPR", "tenggat 5 Desember 2026", "diberi tahu secara pribadi");
      assertThat(api.awaitMessage(CAMAT, text -> text.contains("Tindak lanjut untuk Anda")).text())
          .contains("TL-2026-0001", "Normalisasi selokan Jl. Ijen", "Sabtu, 5 Desember 2026", "Dewi Lestari", "/selesai TL-2026-0001");

      api.groupText(FORKOPIMDA, "Forkopimda", NOTULIS, "Dewi", "/arahan @" + LURAH + " 28/11 Kerja bakti di Kauman");
      var mention = api.awaitMessage(FORKOPIMDA, text -> text.contains("ada tindak lanjut untuk Anda"));
      assertThat(mention.text()).contains("TL-2026-0002", "Kerja bakti di Kauman", "Sabtu, 28 November 2026");
      assertThat(mention.params().toString()).contains("tg://user?id=" + LURAH, "https://t.me/RakorTestBot?start=tl");
      api.groupText(FORKOPIMDA, "Forkopimda", NOTULIS, "Dewi", "/arahan @dinsos 7 hari Bantuan");
      assertThat(api.awaitMessage(FORKOPIMDA, text -> text.contains("@dinsos")).text()).contains("tidak dikenal", "@dpupr");

      bot.restart(); // what was recorded survives; the reminders come from the database

      step(bot, clock, "2026-12-02T08:00:30"); // H-3 of TL-0001; TL-0002 is overdue since Sunday 29 November
      assertThat(api.awaitMessage(CAMAT, text -> text.contains("H-3")).text()).contains("TL-2026-0001", "tenggatnya 3 hari lagi");
      assertThat(api.awaitMessage(FORKOPIMDA, text -> text.contains("sudah lewat tenggat")).text())
          .contains("TL-2026-0002", "sudah lewat tenggat 4 hari", "Siti Aminah");
      // This week's overdue list was due on Monday 08:00; the first look since then sends it.
      assertThat(api.awaitMessage(FORKOPIMDA, text -> text.contains("Tindak lanjut lewat tenggat")).text())
          .contains("(1), per Rabu, 2 Desember 2026", "TL-2026-0002").doesNotContain("TL-2026-0001");

      api.privateText(CAMAT, "Heri", "/progres TL-2026-0001 Alat berat sudah di lokasi");
      api.awaitMessage(CAMAT, text -> text.contains("Kemajuan <b>TL-2026-0001</b> dicatat") || text.contains("Kemajuan TL-2026-0001 dicatat"));
      api.privateText(CAMAT, "Heri", "/selesai TL-2026-0002 Sudah");
      assertThat(api.awaitMessage(CAMAT, text -> text.contains("TL-2026-0002 milik")).text()).contains("TL-2026-0002 milik Siti Aminah", "pemiliknya, notulis atau admin");

      step(bot, clock, "2026-12-04T08:00:30");
      assertThat(api.awaitMessage(CAMAT, text -> text.contains("H-1")).text()).contains("TL-2026-0001", "tenggatnya besok");
      step(bot, clock, "2026-12-06T08:00:30");
      assertThat(api.awaitMessage(CAMAT, text -> text.contains("TL-2026-0001") && text.contains("sudah lewat tenggat")).text())
          .contains("sudah lewat tenggat 1 hari");

      // Monday 7 December: the digest at 07:00 carries the follow-ups, the overdue list follows at 08:00.
      clock.moveTo(wib("2026-12-07T06:59:59"));
      bot.rakorbot().scheduler().replanNow();
      String digest = api.awaitMessage(FORKOPIMDA, text -> text.contains("Tindak lanjut</b>:")).text();
      assertThat(digest).contains("<b>Tindak lanjut</b>: 2 terbuka, 2 lewat tenggat, 0 selesai pekan ini", "TL-2026-0001", "TL-2026-0002");
      step(bot, clock, "2026-12-07T08:00:30");
      String list = api.awaitMessage(FORKOPIMDA, text -> text.contains("Tindak lanjut lewat tenggat") && text.contains("(2)")).text();
      assertThat(list).contains("(2)", "TL-2026-0001", "lewat 2 hari", "TL-2026-0002", "lewat 9 hari");

      api.groupText(FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/tl");
      assertThat(api.awaitAnswer(FORKOPIMDA, ADMIN, text -> text.contains("Tindak lanjut grup ini")).text())
          .contains("2 terbuka, 2 lewat tenggat", "TL-2026-0001", "TL-2026-0002");
      api.privateText(CAMAT, "Heri", "/tl");
      assertThat(api.awaitMessage(CAMAT, text -> text.contains("Tindak lanjut Anda")).text()).contains("TL-2026-0001")
          .doesNotContain("TL-2026-0002");

      ObjectNode photo = photoMessage(CAMAT, "/selesai TL-2026-0001 Selokan sudah dinormalisasi, foto terlampir");
      api.send("message", photo);
      assertThat(api.awaitMessage(CAMAT, text -> text.contains("ditandai selesai")).text()).contains("dengan foto bukti");
      assertThat(api.awaitMessage(FORKOPIMDA, text -> text.contains("selesai menurut")).text())
          .contains("TL-2026-0001", "Heri Susanto", "Selokan sudah dinormalisasi");
      Map<String, Object> note = bot.jdbi().withHandle(h -> h.createQuery(
          "SELECT kind, photo_file_id FROM follow_up_note WHERE kind = 'selesai'").mapToMap().one());
      assertThat(note).containsEntry("photo_file_id", "large-id");

      // The next rakor (Wednesday 30 December): its H-1 reminder lists what is still open.
      clock.moveTo(wib("2026-12-29T08:59:59"));
      bot.rakorbot().scheduler().replanNow();
      String reminder = api.awaitMessage(FORKOPIMDA, text -> text.contains("Rakor Forkopimda") && text.contains("Tindak lanjut terbuka")).text();
      assertThat(reminder).contains("Tindak lanjut terbuka: 1, 1 lewat tenggat:", "TL-2026-0002").doesNotContain("TL-2026-0001");

      // Each reminder went out once, restart and repeated sweeps notwithstanding.
      bot.rakorbot().followUps().sweepNow();
      bot.awaitQuiet();
      assertThat(count(api.messagesTo(CAMAT), "H-3")).isEqualTo(1);
      assertThat(count(api.messagesTo(CAMAT), "H-1")).isEqualTo(1);
      // One a week for each week the sweep looked at: 2 December (late, for that week), 7 December, and the week
      // of 28 December, first looked at on the 29th.
      assertThat(count(api.messagesTo(FORKOPIMDA), "Tindak lanjut lewat tenggat")).isEqualTo(3);
    }
  }

  /**
   * Items 3–7 of the officials' review: a deadline in words is read back as a date; a refusal quotes only the
   * date; an owner who never opened the bot gets the link in the reply itself; a title's full stop is not
   * doubled; /tl semua is refused to a peserta in the right words, and a list of every follow-up fits one message.
   */
  @Test
  void whatANotulisTypesIsReadBackAndRefusedPrecisely() throws Exception {
    var clock = new TestClocks.Movable(wib("2026-11-25T11:00:00")); // Wednesday
    try (BotHarness bot = BotHarness.start(CONFIG.replace("name: Dewi Lestari", "name: \"Dewi Lestari, S.H.\""), clock)) {
      BotApiEmulator api = bot.api();
      api.privateText(CAMAT, "Heri", "/start"); // Heri answers for Dinas PUPR
      api.awaitMessage(CAMAT, text -> text.contains("Heri"));

      api.groupText(FORKOPIMDA, "Forkopimda", NOTULIS, "Dewi", "/arahan @dpupr besok Siapkan data banjir");
      assertThat(api.awaitMessage(FORKOPIMDA, text -> text.contains("TL-2026-0001")).text())
          .contains("Siapkan data banjir", "Tenggat dibaca sebagai <b>Kamis, 26 November 2026</b>.", "diberi tahu secara pribadi")
          .doesNotContain("besok Siapkan");
      assertThat(api.awaitMessage(CAMAT, text -> text.contains("Tindak lanjut untuk Anda")).text())
          .contains("Dicatat oleh Dewi Lestari, S.H.\n").doesNotContain("S.H..");

      api.groupText(FORKOPIMDA, "Forkopimda", NOTULIS, "Dewi", "/arahan @dpupr 31/02 Cek gorong-gorong");
      assertThat(api.awaitMessage(FORKOPIMDA, text -> text.contains("31/02")).text())
          .contains("Tenggat <b>31/02</b> tidak dapat dibaca.").doesNotContain("Cek");
      api.groupText(FORKOPIMDA, "Forkopimda", NOTULIS, "Dewi", "/arahan @dpupr Cek gorong-gorong");
      assertThat(api.awaitMessage(FORKOPIMDA, text -> text.contains("Tenggat belum ditulis")).text()).doesNotContain("Cek");

      api.groupText(FORKOPIMDA, "Forkopimda", NOTULIS, "Dewi", "/arahan @" + LURAH + " Jumat Kerja bakti di Kauman");
      String recorded = api.awaitMessage(FORKOPIMDA, text -> text.contains("TL-2026-0002") && text.contains("dicatat")).text();
      assertThat(recorded).contains("Tenggat dibaca sebagai <b>Jumat, 27 November 2026</b>.", "sampaikan tautan ini kepadanya",
          "https://t.me/RakorTestBot?start=tl"); // the link is in this very reply, not only in the mention above it

      api.groupText(FORKOPIMDA, "Forkopimda", CAMAT, "Heri", "/tl semua");
      assertThat(api.awaitAnswer(FORKOPIMDA, CAMAT, text -> text.contains("daftar semua tindak lanjut")).text())
          .contains("hanya untuk notulis dan admin").doesNotContain("membuka kembali");

      bot.jdbi().useHandle(h -> h.execute("""
          INSERT INTO follow_up (number, chat_id, owner_unit, owner_name, description, due_on, status, recorded_by, recorded_by_name, recorded_at)
          SELECT 'TL-2026-' || lpad((100 + g)::text, 4, '0'), -1001000000001, 'dpupr', 'Dinas PUPR',
                 'Arahan nomor ' || g || ' tentang penanganan genangan dan perbaikan saluran di wilayah kelurahan', DATE '2026-12-20',
                 'open', 1, 'Notulis', now()
          FROM generate_series(1, 150) g"""));
      api.groupText(FORKOPIMDA, "Forkopimda", NOTULIS, "Dewi", "/tl semua");
      String all = api.awaitAnswer(FORKOPIMDA, NOTULIS, text -> text.contains("Semua tindak lanjut")).text();
      assertThat(all).contains("<b>Semua tindak lanjut</b>: 152 terbuka.", "TL-2026-0001").containsPattern("… dan \\d+ lainnya, yang tidak muat dalam satu pesan\\.$");
      // Telegram's 4,096 characters and valid HTML: the emulator refuses otherwise, and the harness fails on that.
    }
  }

  private static long count(List<BotApiEmulator.Call> calls, String fragment) {
    return calls.stream().filter(c -> c.text() != null && c.text().contains(fragment)).count();
  }

  /** Moves the clock and runs the sweep at once. */
  private static void step(BotHarness bot, TestClocks.Movable clock, String localTime) {
    clock.moveTo(wib(localTime));
    bot.rakorbot().followUps().sweepNow();
  }

  private static Instant wib(String local) {
    return LocalDateTime.parse(local).atZone(WIB).toInstant();
  }

  private static ObjectNode photoMessage(long userId, String caption) {
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.put("message_id", 777).put("date", Instant.now().getEpochSecond());
    message.set("chat", BotApiEmulator.privateChat(userId, "Heri"));
    message.set("from", BotApiEmulator.user(userId, "Heri"));
    message.put("caption", caption);
    message.putArray("photo").add(photo("small-id", 100)).add(photo("large-id", 9000));
    return message;
  }

  private static ObjectNode photo(String id, int size) {
    return JsonNodeFactory.instance.objectNode().put("file_id", id).put("file_unique_id", id + "u").put("width", 100)
        .put("height", 100).put("file_size", size);
  }
}
