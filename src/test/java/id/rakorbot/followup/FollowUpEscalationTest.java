package id.rakorbot.followup;

import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * An arahan left overdue goes up: to the owner's atasan on day 3 ({@code escalate_after: 3d}), to the pimpinan on
 * day 6; each once, however often the sweep looks.
 */
class FollowUpEscalationTest {

  static final long WALI_KOTA = 100000032;

  static final String CONFIG = FollowUpTest.CONFIG
      .replace("""
          jabatan: Lurah Kauman
          wilayah: Kauman
      """, """
          jabatan: Lurah Kauman
          wilayah: Kauman
          atasan: "100000004"
      """)
      .replace("\nreports:\n", """

        - user_id: 100000032
          name: Drs. Wahyu
          jabatan: Wali Kota
          roles: [pimpinan]
          groups: [forkopimda]
      reports:
      """)
      .replace("follow_ups:\n", "follow_ups:\n  escalate_after: 3d\n");

  @Test
  void anOverdueArahanGoesToTheAtasanOnDayThreeOnceAndToThePimpinanOnDaySix() throws Exception {
    assertThat(CONFIG).contains("atasan: \"100000004\"", "escalate_after: 3d");
    var clock = new TestClocks.Movable(wib("2026-11-25T11:00:00"));
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      api.privateText(CAMAT, "Heri", "/start");
      api.privateText(WALI_KOTA, "Wahyu", "/start");
      api.groupText(FORKOPIMDA, "Forkopimda", FollowUpTest.NOTULIS, "Dewi", "/arahan @" + BotHarness.LURAH + " 28/11 Kerja bakti di Kauman");
      api.awaitMessage(FORKOPIMDA, text -> text.contains("TL-2026-0001"));

      for (String day : new String[] {"2026-11-30T08:00:30", "2026-12-01T07:59:00"}) { // 2 days late; day 3 before the hour
        step(bot, clock, day);
      }
      assertThat(escalated(api, CAMAT)).isZero();
      step(bot, clock, "2026-12-01T08:00:30"); // 3 days late
      step(bot, clock, "2026-12-01T09:00:00");
      bot.restart();
      step(bot, clock, "2026-12-02T08:00:30");
      bot.awaitQuiet();
      assertThat(escalated(api, CAMAT)).isEqualTo(1);
      assertThat(api.messagesTo(CAMAT).stream().filter(c -> c.text().startsWith("⏫")).findFirst().orElseThrow().text())
          .contains("TL-2026-0001</b> lewat tenggat 3 hari", "Penanggung jawab: Siti Aminah", "Kerja bakti di Kauman", "sebagai atasan");
      assertThat(escalated(api, WALI_KOTA)).isZero();

      step(bot, clock, "2026-12-04T08:00:30"); // 6 days late
      step(bot, clock, "2026-12-05T08:00:30");
      bot.awaitQuiet();
      assertThat(escalated(api, WALI_KOTA)).isEqualTo(1);
      assertThat(escalated(api, CAMAT)).isEqualTo(1);
    }
  }

  private static long escalated(BotApiEmulator api, long chatId) {
    return api.messagesTo(chatId).stream().filter(c -> c.text().startsWith("⏫") && c.text().contains("TL-2026-0001")).count();
  }

  private static void step(BotHarness bot, TestClocks.Movable clock, String localTime) {
    clock.moveTo(wib(localTime));
    bot.rakorbot().followUps().sweepOnce(); // the loop may look too: the claims keep it to once either way
    bot.awaitQuiet();
  }

  private static java.time.Instant wib(String local) {
    return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Jakarta")).toInstant();
  }
}
