package id.rakorbot.briefing;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static id.rakorbot.support.TestClocks.wib;
import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import org.junit.jupiter.api.Test;

/** /bahan over the emulator: the next meeting's briefing for its forum, refused to others. */
class BahanCommandTest {

  private static final String CONFIG = BotHarness.CONFIG + """
      schedules:
        - {id: kopi_senja, title: Kopi Senja Kamtibmas, kind: kopi_senja, groups: [forkopimda], time: "16:00",
           repeat: {every: quarter, start_month: januari, weekday: kamis, week: 2}}
      """;

  @Test
  void theForumGetsItsBriefingOthersAreRefused() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-04-08T08:00:00"))) {
      BotApiEmulator api = bot.api();
      api.privateText(CAMAT, "Heri", "/lapor pencurian Motor hilang di parkiran pasar");
      api.awaitMessage(CAMAT, text -> text.contains("tercatat"));

      api.groupText(FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/bahan");
      String briefing = api.awaitAnswer(FORKOPIMDA, ADMIN, text -> text.contains("Bahan Rapat")).text();
      assertThat(briefing).contains("Kopi Senja Kamtibmas", "Kamis, 9 April 2026 pukul 16.00 WIB",
          "• Pencurian: 1 — ▲ 1 (baru) dari 0 periode lalu");

      api.privateText(CAMAT, "Heri", "/bahan kopi_senja"); // Heri belongs to camat_lurah, not to this forum
      assertThat(api.awaitMessage(CAMAT, text -> text.contains("hanya untuk peserta forum itu")).text()).doesNotContain("Pencurian");
      api.privateText(ADMIN, "Rina", "/bahan rakor_x");
      assertThat(api.awaitMessage(ADMIN, text -> text.contains("tidak ada")).text()).contains("kopi_senja");
    }
  }

  /**
   * At H-1 of the April Kopi Senja, on fixed data: the quarter's counts against the quarter before and the same
   * quarter of 2025, the January meeting's attendance and its arahan (done, in progress, overdue).
   */
  @Test
  void theBriefingCarriesTheQuarterTheAttendanceAndTheFollowUpsOfTheLastMeeting() throws Exception {
    var clock = new id.rakorbot.support.TestClocks.Movable(BriefingTest.wib("2026-04-08T07:00"));
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      bot.jdbi().useHandle(h -> {
        BriefingTest.reports(h, 107, "narkoba", "normal", "Klojen", "2026-01-09T08:00");
        BriefingTest.reports(h, 90, "narkoba", "normal", "Klojen", "2025-10-10T08:00");
        BriefingTest.reports(h, 80, "narkoba", "normal", "Klojen", "2025-01-09T08:00");
        BriefingTest.reports(h, 2, "tawuran", "siaga", "Blimbing", "2026-03-03T21:00");
        long january = h.createQuery("INSERT INTO schedule_occurrence (schedule_id, starts_at) VALUES ('kopi_senja', :at) RETURNING id")
            .bind("at", BriefingTest.wib("2026-01-08T16:00")).mapTo(Long.class).one();
        h.createUpdate("INSERT INTO rsvp_answer (occurrence_id, user_id, answer) VALUES (:o, :admin, 'hadir')")
            .bind("o", january).bind("admin", ADMIN).execute();
        h.createUpdate("""
                INSERT INTO follow_up (number, occurrence_id, schedule_id, chat_id, owner_user_id, owner_unit, owner_name, description,
                                       due_on, status, recorded_by, recorded_by_name, recorded_at, done_at)
                VALUES ('TL-2026-0001', :o, 'kopi_senja', :chat, NULL, 'dpupr', 'Dinas PUPR', 'Normalisasi selokan', '2026-02-01',
                        'done', :admin, 'Rina', :at, :at),
                       ('TL-2026-0002', :o, 'kopi_senja', :chat, :camat, NULL, 'Heri Susanto', 'Patroli gabungan malam Minggu',
                        '2026-03-01', 'open', :admin, 'Rina', :at, NULL),
                       ('TL-2026-0003', :o, 'kopi_senja', :chat, NULL, 'dishub', 'Dinas Perhubungan', 'Pasang PJU di Jl. Soekarno-Hatta',
                        '2026-04-30', 'open', :admin, 'Rina', :at, NULL)""")
            .bind("o", january).bind("chat", FORKOPIMDA).bind("admin", ADMIN).bind("camat", CAMAT)
            .bind("at", BriefingTest.wib("2026-01-08T18:00")).execute();
        h.createUpdate("""
                INSERT INTO follow_up_note (follow_up_id, kind, text, by_user, by_name, noted_at)
                SELECT id, 'progres', 'Tiang sudah dipesan', 1, 'Dishub', now() FROM follow_up WHERE number = 'TL-2026-0003'""").execute();
      });
      clock.moveTo(BriefingTest.wib("2026-04-08T07:59:59.500"));
      bot.rakorbot().scheduler().replanNow();

      String briefing = String.join("\n", api.awaitMessage(FORKOPIMDA, text -> text.contains("Bahan Rapat")).text(),
          api.awaitMessage(FORKOPIMDA, text -> text.contains("Tindak lanjut</b> (")).text());
      assertThat(briefing).contains("Periode: 8 Januari 2026 s.d. 8 April 2026 (sejak pertemuan sebelumnya)",
          "• Narkoba: 107 — ▲ 17 (+19 %) dari 90 periode lalu; ▲ 27 (+34 %) dari 80 tahun lalu",
          "• Tawuran: 2 — ▲ 2 (baru) dari 0 periode lalu; ▲ 2 (baru) dari 0 tahun lalu",
          "<b>Kehadiran pertemuan sebelumnya</b> (Kamis, 8 Januari 2026): hadir 1 · daring 0 · diwakilkan 0 · berhalangan 0 · tanpa kabar 0",
          "<b>Tindak lanjut</b> (3 arahan, per 8 April 2026): selesai 1 · dalam proses 1 · lewat tenggat 1 · belum ada kabar 0",
          "<i>Dinas PUPR</i>\n• <b>TL-2026-0001</b> Normalisasi selokan — Dinas PUPR, tenggat 1 Februari 2026 ✅ selesai",
          "<i>Heri Susanto</i>\n• <b>TL-2026-0002</b> Patroli gabungan malam Minggu — Heri Susanto, tenggat 1 Maret 2026 — <b>lewat 38 hari</b>",
          "TL-2026-0003</b> Pasang PJU di Jl. Soekarno-Hatta — Dinas Perhubungan, tenggat 30 April 2026 — dalam proses");
    }
  }

  /** Posted by itself at H-1 08:00 (the default for a Kopi Senja), once, into the forum's group. */
  @Test
  void theBriefingIsPostedAtHMinusOneEightOClock() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-04-08T07:59:55"))) {
      BotApiEmulator api = bot.api();

      String briefing = api.awaitMessage(FORKOPIMDA, text -> text.contains("Bahan Rapat")).text();
      assertThat(briefing).contains("Kopi Senja Kamtibmas", "Kamis, 9 April 2026 pukul 16.00 WIB", "Periode: 8 Januari 2026 s.d. 8 April 2026");
      bot.awaitQuiet();
      assertThat(api.messagesTo(FORKOPIMDA)).filteredOn(c -> c.text().contains("Bahan Rapat")).hasSize(1);
      // The period's reports go to the admin as a CSV, once.
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> api.calls("sendDocument").stream()
          .anyMatch(c -> c.chatId() == ADMIN && c.params().toString().contains("laporan-bahan-kopi_senja-2026-04-09.csv")));
      // ... with the printable PDF; the chart goes to the forum with the text.
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> api.calls("sendDocument").stream()
          .anyMatch(c -> c.chatId() == ADMIN && c.params().toString().contains("bahan-kopi_senja-2026-04-09.pdf")));
      assertThat(api.calls("sendDocument").stream().filter(c -> c.chatId() == ADMIN)).hasSize(2);
      assertThat(api.calls("sendPhoto").stream().filter(c -> c.chatId() == FORKOPIMDA)).hasSize(1);
    }
  }
}
