package id.rakorbot.siaga;

import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.CAMAT_LURAH;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static id.rakorbot.support.BotHarness.LURAH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A masa siaga over three simulated days (and a day either side): reminders only to silent areas' reporters,
 * the silent areas to the leadership at the deadline, the daily digest to the period's group; nothing outside.
 */
class MasaSiagaTest {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final String CONFIG = BotHarness.CONFIG + """
      periods:
        - {name: Pilkada 2026, start: 2026-11-24, end: 2026-11-26, report_by: "20:00", remind_at: "17:00", groups: [camat_lurah]}
      """;

  @Test
  void everyAreaReportsDailyDuringThePeriod() throws Exception {
    var clock = new TestClocks.Movable(wib("2026-11-23T09:00"));
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      api.privateText(CAMAT, "Heri", "/jadwal");
      assertThat(api.awaitMessage(CAMAT, text -> text.contains("Jadwal rapat")).text()).doesNotContain("Masa siaga");
      step(bot, clock, "2026-11-23T17:00:30");
      step(bot, clock, "2026-11-23T20:00:30"); // the day before: nothing

      // Day 1: Klojen reports an incident, Kauman sends nihil, Blimbing (no reporter) nothing.
      clock.moveTo(wib("2026-11-24T09:00"));
      api.privateText(CAMAT, "Heri", "/jadwal");
      assertThat(api.awaitMessage(CAMAT, text -> text.contains("Masa siaga")).text())
          .contains("Masa siaga Pilkada 2026</b> (24 November 2026 s.d. 26 November 2026)", "sebelum pukul 20.00 WIB", "/lapor nihil");
      api.privateText(LURAH, "Siti", "/start");
      assertThat(api.awaitMessage(LURAH, text -> text.contains("Siti Aminah")).text()).contains("Masa siaga Pilkada 2026");
      lapor(api, CAMAT, "/lapor tawuran Massa pendukung berkumpul di depan kantor KPU", "LAP-2026-000001");
      lapor(api, LURAH, "/lapor nihil", "LAP-2026-000002");
      step(bot, clock, "2026-11-24T17:00:30");
      step(bot, clock, "2026-11-24T20:00:30");
      assertThat(api.awaitMessage(FORKOPIMDA, text -> text.contains("Selasa, 24 November 2026: 1 dari 3")).text())
          .contains("Masa siaga Pilkada 2026", "belum melapor sampai pukul 20.00", "Blimbing");
      assertThat(api.awaitMessage(CAMAT_LURAH, text -> text.contains("Rekap harian") && text.contains("24 November")).text())
          .contains("Laporan kejadian: 1</b> — Tawuran 1", "Melapor kejadian: Klojen", "Nihil (aman): Kauman", "Belum melapor: Blimbing");

      // Day 2: only Klojen. Kauman's lurah is reminded, not the camat.
      clock.moveTo(wib("2026-11-25T09:00"));
      lapor(api, CAMAT, "/lapor tawuran Spanduk dirusak di Jl. Kawi", "LAP-2026-000003");
      step(bot, clock, "2026-11-25T17:00:30");
      assertThat(api.awaitMessage(LURAH, text -> text.contains("belum melapor hari ini")).text()).contains("<b>Kauman</b>", "/lapor nihil #kauman");
      step(bot, clock, "2026-11-25T20:00:30");
      assertThat(api.awaitMessage(FORKOPIMDA, text -> text.contains("Rabu, 25 November 2026: 2 dari 3")).text()).contains("Kauman, Blimbing");

      // Day 3: nobody. Both reporters are reminded.
      step(bot, clock, "2026-11-26T17:00:30");
      step(bot, clock, "2026-11-26T20:00:30");
      assertThat(api.awaitMessage(FORKOPIMDA, text -> text.contains("Kamis, 26 November 2026: 3 dari 3")).text()).contains("Klojen, Kauman, Blimbing");
      api.awaitMessage(CAMAT_LURAH, text -> text.contains("Rekap harian") && text.contains("26 November"));

      step(bot, clock, "2026-11-27T17:00:30");
      step(bot, clock, "2026-11-27T20:00:30"); // the day after: nothing
      bot.awaitQuiet();
      assertThat(count(api, FORKOPIMDA, "Masa siaga")).isEqualTo(3);
      assertThat(count(api, CAMAT_LURAH, "Rekap harian masa siaga")).isEqualTo(3);
      assertThat(count(api, LURAH, "belum melapor hari ini")).isEqualTo(2); // days 2 and 3
      assertThat(count(api, CAMAT, "belum melapor hari ini")).isEqualTo(1); // day 3
    }
  }

  private static long count(BotApiEmulator api, long chat, String fragment) {
    return api.messagesTo(chat).stream().filter(c -> c.text() != null && c.text().contains(fragment)).count();
  }

  private static void lapor(BotApiEmulator api, long user, String text, String number) {
    api.privateText(user, "Pelapor", text);
    api.awaitMessage(user, reply -> reply.contains(number));
  }

  /** Moves the clock and looks twice: the second look must send nothing new. */
  private static void step(BotHarness bot, TestClocks.Movable clock, String local) throws InterruptedException {
    clock.moveTo(wib(local));
    bot.rakorbot().siaga().sweepNow();
    bot.awaitQuiet();
    bot.rakorbot().siaga().sweepNow();
  }

  private static Instant wib(String local) {
    return LocalDateTime.parse(local).atZone(WIB).toInstant();
  }
}
