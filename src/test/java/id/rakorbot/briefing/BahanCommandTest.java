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
      String briefing = api.awaitMessage(FORKOPIMDA, text -> text.contains("Bahan Rapat")).text();
      assertThat(briefing).contains("Kopi Senja Kamtibmas", "Kamis, 9 April 2026 pukul 16.00 WIB",
          "• Pencurian: 1 — ▲ 1 (baru) dari 0 periode lalu");

      api.privateText(CAMAT, "Heri", "/bahan kopi_senja"); // Heri belongs to camat_lurah, not to this forum
      assertThat(api.awaitMessage(CAMAT, text -> text.contains("hanya untuk peserta forum itu")).text()).doesNotContain("Pencurian");
      api.privateText(ADMIN, "Rina", "/bahan rakor_x");
      assertThat(api.awaitMessage(ADMIN, text -> text.contains("tidak ada")).text()).contains("kopi_senja");
    }
  }

  /** Posted by itself at H-1 08:00 (the default for a Kopi Senja), once, into the forum's group. */
  @Test
  void theBriefingIsPostedAtHMinusOneEightOClock() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-04-08T07:59:55"))) {
      BotApiEmulator api = bot.api();

      String briefing = api.awaitMessage(FORKOPIMDA, text -> text.contains("Bahan Rapat")).text();
      assertThat(briefing).contains("Kopi Senja Kamtibmas", "Kamis, 9 April 2026 pukul 16.00 WIB", "Periode: 8 Januari 2026 s.d. 8 April 2026");
      org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(2)).atMost(java.time.Duration.ofSeconds(4))
          .until(() -> api.messagesTo(FORKOPIMDA).stream().filter(c -> c.text().contains("Bahan Rapat")).count() == 1);
      // The period's reports go to the admin as a CSV, once.
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> api.calls("sendDocument").stream()
          .anyMatch(c -> c.chatId() == ADMIN && c.params().toString().contains("laporan-bahan-kopi_senja-2026-04-09.csv")));
      assertThat(api.calls("sendDocument").stream().filter(c -> c.chatId() == ADMIN)).hasSize(1);
    }
  }
}
