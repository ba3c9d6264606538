package id.rakorbot.schedule;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.CAMAT_LURAH;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static id.rakorbot.support.TestClocks.wib;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.Rakorbot;
import id.rakorbot.storage.Database;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotApiEmulator.Call;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reminders end to end: Quartz on PostgreSQL, the outbox, the emulator. The bot runs on a clock set a few
 * seconds before a reminder is due, so day-scale offsets take seconds of test time.
 */
class ReminderTest {

  private static final String CONFIG = BotHarness.CONFIG + BotHarness.ONE_MEETING;


  private static List<Call> reminders(BotApiEmulator api, long chat, String label) {
    return api.messagesTo(chat).stream().filter(c -> c.text().contains("Pengingat " + label)).toList();
  }

  @Test
  void aReminderReachesEveryGroupAtTheRightLocalTime() throws Exception {
    var clock = TestClocks.movableWib("2026-01-20T09:00:00"); // announced a week ahead
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();

      Call announcement = api.awaitMessage(FORKOPIMDA, text -> text.contains("Jadwal pertemuan berikutnya"));
      assertThat(announcement.text()).contains("Rakor Tim Terpadu PKS", "Rabu, 28 Januari 2026 pukul 09.00 WIB").doesNotContain("Pengingat");
      bot.jumpTo(clock, "2026-01-27T08:59:55");
      Call reminder = api.awaitMessage(FORKOPIMDA, text -> text.contains("Pengingat H-1"));
      assertThat(reminder.text()).contains("Rabu, 28 Januari 2026 pukul 09.00 WIB", "Command Center",
          "https://zoom.us/j/1", "Deteksi dini konflik sosial", "hybrid").doesNotContain("terlambat");
      assertThat(reminder.params().path("parse_mode").asText()).isEqualToIgnoringCase("html");
      Call inTopic = api.awaitMessage(CAMAT_LURAH, text -> text.contains("Pengingat H-1"));
      assertThat(inTopic.params().path("message_thread_id").asInt()).isEqualTo(12);
      bot.awaitQuiet();
      assertThat(reminders(api, FORKOPIMDA, "H-1")).hasSize(1);
      assertThat(api.messagesTo(FORKOPIMDA)).filteredOn(c -> c.text().contains("Jadwal pertemuan berikutnya")).hasSize(1);
    }
  }

  /**
   * Item 11 of the officials' review: a meeting first announced seconds before its H-1 reminder is due gets one
   * message that is both, not two about the same meeting in the same minute; the reminder's own trigger then
   * fires and posts nothing.
   */
  @Test
  void aMeetingAnnouncedAsItsReminderFallsDueGetsOneMessage() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-27T08:59:50"))) {
      BotApiEmulator api = bot.api();
      Call both = api.awaitMessage(FORKOPIMDA, text -> text.contains("Jadwal pertemuan berikutnya"));
      assertThat(both.text()).startsWith("📅 <b>Jadwal pertemuan berikutnya</b> · 🔔 <b>Pengingat H-1</b>\n")
          .contains("Rakor Tim Terpadu PKS", "Rabu, 28 Januari 2026 pukul 09.00 WIB");
      assertThat(both.params().path("reply_markup").toString()).contains("Hadir"); // still the one to answer on

      await().atMost(Duration.ofSeconds(30)).until(() -> bot.jdbi().withHandle(h -> h.createQuery(
          "SELECT count(*) FROM qrtz_triggers WHERE trigger_name LIKE '%/1d'").mapTo(Integer.class).one()) == 0); // it fired
      bot.awaitQuiet();
      for (long chat : List.of(FORKOPIMDA, CAMAT_LURAH)) {
        assertThat(api.messagesTo(chat)).as("one message about the meeting in group " + chat)
            .filteredOn(c -> c.text().contains("Rakor Tim Terpadu PKS") && !c.text().contains("Mohon konfirmasi")).hasSize(1);
      }
    }
  }

  @Test
  void anEditedConfigIsReplannedWithoutARestartAndAdminsAreTold() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T08:59:50"))) {
      BotApiEmulator api = bot.api();
      api.awaitMessage(FORKOPIMDA, text -> text.contains("Jadwal pertemuan berikutnya"));

      Files.writeString(bot.configFile(), CONFIG.replace("date: 2026-01-28", "date: 2026-01-21"));

      Call reloaded = api.awaitMessage(ADMIN, text -> text.contains("dimuat ulang"));
      assertThat(reloaded.text()).contains("diubah: rakor_pks");
      Call reminder = api.awaitMessage(FORKOPIMDA, text -> text.contains("Pengingat H-1"));
      assertThat(reminder.text()).contains("Rabu, 21 Januari 2026 pukul 09.00 WIB");
      List<String> triggers = bot.jdbi().withHandle(h -> h.createQuery("SELECT trigger_name FROM qrtz_triggers WHERE trigger_group = 'rakor_pks'")
          .mapTo(String.class).list());
      assertThat(triggers).noneMatch(name -> name.contains("2026-01-28"));
    }
  }

  @Test
  void anInvalidEditIsRejectedTheOldScheduleKeepsRunningAndAdminsGetTheLine() throws Exception {
    var clock = TestClocks.movableWib("2026-01-20T09:00:00");
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      api.awaitMessage(FORKOPIMDA, text -> text.contains("Jadwal pertemuan berikutnya"));

      String broken = CONFIG.replace("time: \"09:00\"", "time: \"25:00\"");
      Files.writeString(bot.configFile(), broken);

      Call rejected = api.awaitMessage(ADMIN, text -> text.contains("ditolak"));
      int line = broken.substring(0, broken.indexOf("time: \"25:00\"")).split("\n", -1).length;
      assertThat(rejected.text()).contains("baris " + line + ", kolom 5", "jam '25:00' tidak valid");
      bot.jumpTo(clock, "2026-01-27T08:59:55");
      Call reminder = api.awaitMessage(FORKOPIMDA, text -> text.contains("Pengingat H-1"));
      assertThat(reminder.text()).contains("pukul 09.00 WIB");
    }
  }

  @Test
  void muatUlangIsForAdminsOnly() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T09:00:00"))) {
      BotApiEmulator api = bot.api();
      api.privateText(CAMAT, "Heri", "/muat_ulang");
      api.privateText(ADMIN, "Rina", "/muat_ulang");

      api.awaitMessage(CAMAT, text -> text.contains("khusus untuk admin"));
      api.awaitMessage(ADMIN, text -> text.contains("dimuat ulang") && text.contains("Jadwal: 1"));
    }
  }

  @Test
  void aReminderDueWhileTheBotWasDownIsSentOnceMarkedLate() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T09:00:00"))) { // announced and planned a week ahead
      BotApiEmulator api = bot.api();
      api.awaitMessage(FORKOPIMDA, text -> text.contains("Jadwal pertemuan berikutnya"));
      bot.stop();
      fallsDueWhileDown(bot, "1d"); // no instance runs when the H-1 reminder is due

      bot.startAgain(wib("2026-01-27T09:10:00"));

      Call late = api.awaitMessage(FORKOPIMDA, text -> text.contains("Pengingat H-1"));
      assertThat(late.text()).contains("terlambat");
      bot.awaitQuiet();
      assertThat(reminders(api, FORKOPIMDA, "H-1")).hasSize(1);
    }
  }

  @Test
  void aReminderWhoseMeetingHasBegunIsDropped() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T09:00:00"))) { // announced and planned a week ahead
      BotApiEmulator api = bot.api();
      api.awaitMessage(FORKOPIMDA, text -> text.contains("Jadwal pertemuan berikutnya"));
      bot.stop();
      fallsDueWhileDown(bot, "2h"); // no instance runs when the 2-hour reminder is due

      bot.startAgain(wib("2026-01-28T09:05:00"));

      api.privateText(ADMIN, "Rina", "/jadwal"); // a marker: processed after the scheduler started
      api.awaitMessage(ADMIN, text -> text.contains("Jadwal rapat"));
      bot.awaitQuiet(); // the misfired trigger has fired by now, and dropped its reminder
      assertThat(reminders(api, FORKOPIMDA, "2 jam lagi")).isEmpty();
    }
  }

  @Test
  void twoInstancesOnOneDatabaseSendAReminderOnce() throws Exception {
    var clock = TestClocks.movableWib("2026-01-20T09:00:00");
    try (BotHarness bot = BotHarness.start(CONFIG, clock);
        Database secondPool = Database.connect(bot.databaseUrl(), 4);
        Rakorbot second = bot.startAnotherInstance(secondPool)) {
      BotApiEmulator api = bot.api();
      api.awaitMessage(FORKOPIMDA, text -> text.contains("Jadwal pertemuan berikutnya"));
      bot.jumpTo(clock, "2026-01-27T08:59:55");

      api.awaitMessage(FORKOPIMDA, text -> text.contains("Pengingat H-1"));
      bot.awaitQuiet(); // both instances' schedulers see the same triggers
      assertThat(reminders(api, FORKOPIMDA, "H-1")).hasSize(1);
      assertThat(reminders(api, CAMAT_LURAH, "H-1")).hasSize(1);
      assertThat(api.messagesTo(FORKOPIMDA)).filteredOn(c -> c.text().contains("Jadwal pertemuan berikutnya")).hasSize(1);
      assertThat(second).isNotNull();
    }
  }

  /**
   * Makes a reminder trigger of the stopped bot due over a minute ago in Quartz's (wall-clock) time, as if
   * the instances had been down when it came: on the next start it has misfired.
   */
  private static void fallsDueWhileDown(BotHarness bot, String reminder) {
    try (Database database = Database.connect(bot.databaseUrl(), 2)) {
      int moved = database.jdbi().withHandle(h -> h.createUpdate("""
              UPDATE qrtz_triggers SET next_fire_time = :past
              WHERE trigger_group = 'rakor_pks' AND trigger_name LIKE '%/' || :reminder""")
          .bind("past", System.currentTimeMillis() - Duration.ofSeconds(61).toMillis()).bind("reminder", reminder).execute());
      assertThat(moved).isEqualTo(1);
    }
  }

  @Test
  void jadwalListsTheGroupsNextMeetings() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T09:00:00"))) {
      BotApiEmulator api = bot.api();
      api.groupText(CAMAT_LURAH, "Camat dan Lurah", CAMAT, "Heri", "/jadwal");

      Call list = api.awaitAnswer(CAMAT_LURAH, CAMAT, text -> text.contains("Jadwal Camat dan Lurah"));
      assertThat(list.text()).contains("Rabu, 28 Januari 2026 pukul 09.00 WIB — Rakor Tim Terpadu PKS (Command Center)");
    }
  }
}
