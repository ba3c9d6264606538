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
import java.nio.file.Files;
import java.time.Clock;
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
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-27T08:59:55"))) {
      BotApiEmulator api = bot.api();

      Call announcement = api.awaitMessage(FORKOPIMDA, text -> text.contains("Jadwal pertemuan berikutnya"));
      assertThat(announcement.text()).contains("Rakor Tim Terpadu PKS", "Rabu, 28 Januari 2026 pukul 09.00 WIB");
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
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-27T08:59:55"))) {
      BotApiEmulator api = bot.api();
      api.awaitMessage(FORKOPIMDA, text -> text.contains("Jadwal pertemuan berikutnya"));

      String broken = CONFIG.replace("time: \"09:00\"", "time: \"25:00\"");
      Files.writeString(bot.configFile(), broken);

      Call rejected = api.awaitMessage(ADMIN, text -> text.contains("ditolak"));
      int line = broken.substring(0, broken.indexOf("time: \"25:00\"")).split("\n", -1).length;
      assertThat(rejected.text()).contains("baris " + line + ", kolom 5", "jam '25:00' tidak valid");
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
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-27T08:59:00"))) {
      BotApiEmulator api = bot.api();
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
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-28T06:59:00"))) {
      BotApiEmulator api = bot.api();
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
    Clock clock = wib("2026-01-27T08:59:55");
    try (BotHarness bot = BotHarness.start(CONFIG, clock);
        Database secondPool = Database.connect(bot.databaseUrl(), 4);
        Rakorbot second = bot.startAnotherInstance(secondPool)) {
      BotApiEmulator api = bot.api();

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

      Call list = api.awaitMessage(CAMAT_LURAH, text -> text.contains("Jadwal Camat dan Lurah"));
      assertThat(list.text()).contains("Rabu, 28 Januari 2026 pukul 09.00 WIB — Rakor Tim Terpadu PKS (Command Center)");
    }
  }
}
