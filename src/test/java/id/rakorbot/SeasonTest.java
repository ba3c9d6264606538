package id.rakorbot;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.CAMAT_LURAH;
import static id.rakorbot.support.BotHarness.FKUB_BASIC_GROUP;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static id.rakorbot.support.BotHarness.LURAH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotApiEmulator.Call;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.LoggerFactory;

/**
 * Ten weeks of forums on a simulated clock, 8 February to 19 April 2026, through Idul Fitri and its cuti
 * bersama: a weekly Ngopi Kamtibmas (its Nyepi date shifted past the whole Lebaran break), a last-Wednesday
 * rakor, a quarterly Kopi Senja, a Monday apel (a cuti bersama skipped; removed by a config reload), a
 * {@code once} meeting and a {@code cron} schedule with a year that both pass mid-way (the cron skipping
 * Imlek and a cuti bersama), a meeting added by the reload, a restart, a report every week and an RSVP tap
 * on every week's Ngopi announcement. The clock jumps from one scheduled moment to the next (Quartz's
 * triggers are re-planned onto the moved clock, as after an NTP step), so the season takes minutes.
 *
 * <p>Every expected announcement, reminder, nudge and digest is listed by hand below, by date; each must
 * arrive exactly once, nothing else may, and the log may hold no ERROR.
 */
class SeasonTest {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final Instant START = wib("2026-02-08T12:00");
  private static final Instant END = wib("2026-04-19T12:00");

  private static final String HOLIDAYS = """
      holidays: [2026-02-16, 2026-02-17, 2026-03-18, 2026-03-19, 2026-03-20, 2026-03-21, 2026-03-22, 2026-03-23,
                 2026-03-24, 2026-04-03, 2026-04-05]
      """;
  private static final String KEPT = """
        - {id: ngopi, title: Ngopi Kamtibmas, kind: ngopi_kamtibmas, groups: [camat_lurah], venue: Pendopo,
           time: "19:30", repeat: {every: week, weekday: kamis}, reminders: [1d, 2h]}
        - {id: rakor, title: Rakor Forkopimda, kind: rakor, groups: [forkopimda, camat_lurah], venue: Balai Kota,
           time: "09:00", repeat: {every: month, weekday: rabu, week: last}, reminders: [1d, 2h], nudge: none}
        - {id: kopi_senja, title: Kopi Senja Kamtibmas, kind: kopi_senja, groups: [forkopimda], venue: Mapolresta,
           time: "16:00", repeat: {every: quarter, start_month: januari, weekday: kamis, week: 2}, reminders: [7d, 1d],
           nudge: none}
        - {id: sekali, title: Rakor Persiapan Ramadan, kind: rakor, groups: [forkopimda], venue: Balai Kota,
           time: "10:00", repeat: {every: once, date: 2026-03-05}, reminders: [1d, 2h], nudge: none}
        - {id: patroli, title: Rapat Patroli Ramadan, kind: lainnya, groups: [forkopimda], venue: Mapolresta,
           repeat: {every: cron, cron: "0 0 10 ? 2-3 TUE 2026"}, reminders: [2h], on_holiday: skip}
      """;
  private static final String BEFORE = BotHarness.CONFIG + HOLIDAYS + "schedules:\n" + KEPT + """
        - {id: apel, title: Apel Siaga, kind: lainnya, groups: [forkopimda], venue: Halaman Balai Kota,
           time: "08:00", repeat: {every: week, weekday: senin}, reminders: [2h], on_holiday: skip}
      """;
  private static final String AFTER = BotHarness.CONFIG + HOLIDAYS + "schedules:\n" + KEPT + """
        - {id: lebaran, title: Rakor Pasca Lebaran, kind: rakor, groups: [forkopimda, camat_lurah], venue: Balai Kota,
           time: "09:00", repeat: {every: once, date: 2026-03-26}, reminders: [1d, 2h], nudge: none}
      """;

  private static final List<String> NGOPI = List.of("2026-02-12T19:30", "2026-02-19T19:30", "2026-02-26T19:30",
      "2026-03-05T19:30", "2026-03-12T19:30", "2026-03-25T19:30" /* Nyepi 19 March, shifted past Lebaran */,
      "2026-03-26T19:30", "2026-04-02T19:30", "2026-04-09T19:30", "2026-04-16T19:30");

  private record Expected(long chat, String marker, String title, String start) {}

  private record Action(Instant at, String what, ThrowingRunnable run) {}

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void aSeasonOfForumsIsRemindedExactlyOnceThroughLebaranAReloadAndARestart() throws Exception {
    ListAppender<ILoggingEvent> log = captureLog();
    var clock = new TestClocks.Movable(START);
    try (BotHarness bot = BotHarness.start(BEFORE, clock)) {
      BotApiEmulator api = bot.api();
      List<String> tapped = new ArrayList<>();
      int[] asked = {0};
      PriorityQueue<Action> actions = new PriorityQueue<>(Comparator.comparing(Action::at));
      for (LocalDate monday = LocalDate.parse("2026-02-09"); monday.isBefore(LocalDate.parse("2026-04-19")); monday = monday.plusWeeks(1)) {
        String week = monday.toString();
        actions.add(new Action(wib(week + "T12:00"), "report and RSVP, week of " + week, () -> {
          api.privateText(CAMAT, "Heri", "/lapor pencurian Motor warga hilang, pekan " + week);
          api.awaitMessage(CAMAT, text -> text.contains("pekan " + week) && text.contains("tercatat"));
          tapped.add(tapNextNgopi(api));
        }));
        // The week's questions in the groups, as officials ask them: what is next, who comes, what is still open.
        actions.add(new Action(wib(week + "T13:00"), "questions in the groups, week of " + week, () -> {
          api.groupEphemeralCommand(CAMAT_LURAH, "Camat dan Lurah", CAMAT, "Heri", "/jadwal");
          api.groupText(CAMAT_LURAH, "Camat dan Lurah", ADMIN, "Rina", "/kehadiran");
          api.groupEphemeralCommand(FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/tl");
          api.awaitAnswer(CAMAT_LURAH, CAMAT, text -> text.contains("Jadwal Camat dan Lurah"));
          api.awaitAnswer(FORKOPIMDA, ADMIN, text -> text.contains("Tindak lanjut grup ini"));
          asked[0] += 3;
        }));
      }
      actions.add(new Action(wib("2026-03-04T12:00"), "reload", () -> {
        Files.writeString(bot.configFile(), AFTER);
        api.awaitMessage(ADMIN, text -> text.contains("lebaran") && text.contains("apel"));
      }));
      actions.add(new Action(wib("2026-03-15T12:00"), "restart", bot::restart));

      runSeason(bot, clock, actions);

      assertThat(tapped).hasSize(10).allMatch(answer -> answer.equals("Tercatat: Hadir"));
      // Group messages over the ten weeks: what members read in their groups. Before the ephemeral answers each
      // question's answer was one more of them; now it reaches the asker alone.
      long[] groupChats = {CAMAT_LURAH, FORKOPIMDA};
      Predicate<Call> calendarFile = c -> c.params().path("document").path("filename").asText().endsWith(".ics");
      long after = java.util.Arrays.stream(groupChats).map(chat -> api.messagesTo(chat).size()
          + api.calls("sendPhoto").stream().filter(c -> c.chatId() == chat).count()
          + api.calls("sendDocument").stream().filter(c -> c.chatId() == chat && !calendarFile.test(c)).count()).sum();
      long calendarFiles = api.calls("sendDocument").stream().filter(c -> c.chatId() < 0 && calendarFile.test(c)).count();
      long answeredAlone = api.calls("sendMessage").stream().filter(c -> c.chatId() < 0 && c.params().has("ephemeral_message_parameters"))
          .count();
      assertThat(answeredAlone).as("every question answered, to its asker").isEqualTo(asked[0]);
      System.out.printf("Season, ten weeks: bot messages posted into groups before %d (each answer to a question one more),"
          + " after %d (%.2f×); %d questions answered to the asker alone; besides, %d calendar files with the announcements%n",
          after + answeredAlone, after, (double) after / (after + answeredAlone), answeredAlone, calendarFiles);
      assertExactlyOnce(api, expectedAnnouncements(), text -> text.contains("Jadwal pertemuan berikutnya"));
      assertExactlyOnce(api, expectedReminders(), text -> text.contains("🔔 <b>Pengingat"));
      assertExactlyOnce(api, expectedNudges(), text -> text.contains("Mohon konfirmasi kehadiran"));
      assertExactlyOnce(api, expectedDigests(), text -> text.contains("📊 <b>Rekap Mingguan"));
      assertThat(api.calls("sendMessage")).noneMatch(c -> c.text().contains("terlambat"));
      // Rina tapped the newest Ngopi announcement each Monday; the 26 March one was announced only once the
      // shifted 25 March meeting had begun (Wednesday evening), so that week she had nothing to tap in time.
      for (Call nudge : api.messagesTo(CAMAT_LURAH).stream().filter(c -> c.text().contains("Mohon konfirmasi")).toList()) {
        assertThat(nudge.text()).contains("tg://user?id=" + CAMAT).doesNotContain("tg://user?id=" + LURAH);
        assertThat(nudge.text().contains("tg://user?id=" + ADMIN)).as(nudge.text()).isEqualTo(nudge.text().contains("26 Maret"));
      }
      for (Call digest : api.messagesTo(FORKOPIMDA).stream().filter(c -> c.text().contains("📊 <b>Rekap Mingguan")).toList()) {
        if (!digest.text().contains("pekan 2026-W06")) { // the week before the season had no reports
          assertThat(digest.text()).as(digest.text()).contains("<b>Laporan masuk: 1</b>");
        }
      }
    } finally {
      detach(log);
    }
    assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
        .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
  }

  /**
   * Moves the clock to each scheduled moment in turn (and to each action), lets the trigger fire and the
   * outbox drain. Planning runs at every step, as the quarter-hour job would in between.
   */
  private static void runSeason(BotHarness bot, TestClocks.Movable clock, PriorityQueue<Action> actions) throws Exception {
    while (true) {
      bot.rakorbot().scheduler().replanNow();
      Optional<Fire> next = nextFire(bot.rakorbot().scheduler().quartz(), clock);
      Instant nextAction = actions.isEmpty() ? END : actions.peek().at();
      if (next.isPresent() && !next.get().at().isAfter(nextAction) && next.get().at().isBefore(END)) {
        clock.moveTo(next.get().at().minusMillis(500));
        bot.rakorbot().scheduler().replanNow(); // onto the moved clock
        Scheduler quartz = bot.rakorbot().scheduler().quartz();
        await("trigger " + next.get().key() + " fires").atMost(Duration.ofSeconds(30))
            .until(() -> quartz.getTrigger(next.get().key()) == null);
      } else if (!actions.isEmpty() && nextAction.isBefore(END)) {
        Action action = actions.poll();
        clock.moveTo(action.at());
        action.run().run();
      } else {
        clock.moveTo(END);
        bot.rakorbot().scheduler().replanNow(); // meetings that became next since the last step are announced
        bot.awaitQuiet();
        return;
      }
      bot.awaitQuiet();
    }
  }

  private record Fire(TriggerKey key, Instant at) {}

  /** The next reminder or digest trigger, on the bot's clock; the planner's own beat is not one. */
  private static Optional<Fire> nextFire(Scheduler quartz, TestClocks.Movable clock) throws Exception {
    Fire first = null;
    for (String group : quartz.getTriggerGroupNames()) {
      if (group.equals("rakorbot")) {
        continue;
      }
      for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(group))) {
        Trigger trigger = quartz.getTrigger(key);
        if (trigger != null && trigger.getNextFireTime() != null) {
          Instant at = trigger.getNextFireTime().toInstant().plus(clock.offset());
          if (first == null || at.isBefore(first.at())) {
            first = new Fire(key, at);
          }
        }
      }
    }
    return Optional.ofNullable(first);
  }

  /** Rina taps Hadir under the newest Ngopi announcement; returns what the bot answered her. */
  private static String tapNextNgopi(BotApiEmulator api) {
    Call announcement = api.messagesTo(CAMAT_LURAH).stream()
        .filter(c -> c.text().contains("Jadwal pertemuan berikutnya") && c.text().contains("Ngopi Kamtibmas"))
        .reduce((a, b) -> b).orElseThrow();
    int answersBefore = api.calls("answerCallbackQuery").size();
    api.pressButton(CAMAT_LURAH, "Camat dan Lurah", announcement.messageId(), ADMIN, "Rina", announcement.button("Hadir"));
    await().atMost(Duration.ofSeconds(10)).until(() -> api.calls("answerCallbackQuery").size() > answersBefore);
    return api.calls("answerCallbackQuery").getLast().params().path("text").asText();
  }

  private static List<Expected> expectedAnnouncements() {
    List<Expected> expected = new ArrayList<>();
    List<String> ngopi = new ArrayList<>(NGOPI);
    ngopi.add("2026-04-23T19:30"); // announced once the 16 April one began
    ngopi.forEach(at -> expected.add(new Expected(CAMAT_LURAH, "Jadwal pertemuan berikutnya", "Ngopi Kamtibmas", at)));
    for (String at : List.of("2026-02-25T09:00", "2026-03-25T09:00", "2026-04-29T09:00")) {
      expected.add(new Expected(FORKOPIMDA, "Jadwal pertemuan berikutnya", "Rakor Forkopimda", at));
      expected.add(new Expected(CAMAT_LURAH, "Jadwal pertemuan berikutnya", "Rakor Forkopimda", at));
    }
    for (String at : List.of("2026-04-09T16:00", "2026-07-09T16:00")) {
      expected.add(new Expected(FORKOPIMDA, "Jadwal pertemuan berikutnya", "Kopi Senja Kamtibmas", at));
    }
    // 16 February is cuti bersama: skipped. 9 March was announced on 2 March, before the reload removed it.
    for (String at : List.of("2026-02-09T08:00", "2026-02-23T08:00", "2026-03-02T08:00", "2026-03-09T08:00")) {
      expected.add(new Expected(FORKOPIMDA, "Jadwal pertemuan berikutnya", "Apel Siaga", at));
    }
    expected.add(new Expected(FORKOPIMDA, "Jadwal pertemuan berikutnya", "Rakor Persiapan Ramadan", "2026-03-05T10:00"));
    for (String at : patroli()) {
      expected.add(new Expected(FORKOPIMDA, "Jadwal pertemuan berikutnya", "Rapat Patroli Ramadan", at));
    }
    expected.add(new Expected(FORKOPIMDA, "Jadwal pertemuan berikutnya", "Rakor Pasca Lebaran", "2026-03-26T09:00"));
    expected.add(new Expected(CAMAT_LURAH, "Jadwal pertemuan berikutnya", "Rakor Pasca Lebaran", "2026-03-26T09:00"));
    return expected;
  }

  /** The cron's Tuesdays in February and March 2026, without Imlek (17 Feb) and cuti bersama (24 Mar). */
  private static List<String> patroli() {
    return List.of("2026-02-10T10:00", "2026-02-24T10:00", "2026-03-03T10:00", "2026-03-10T10:00", "2026-03-17T10:00",
        "2026-03-31T10:00");
  }

  private static List<Expected> expectedReminders() {
    List<Expected> expected = new ArrayList<>();
    for (String at : NGOPI) {
      expected.add(new Expected(CAMAT_LURAH, "Pengingat H-1", "Ngopi Kamtibmas", at));
      expected.add(new Expected(CAMAT_LURAH, "Pengingat 2 jam lagi", "Ngopi Kamtibmas", at));
    }
    for (String at : List.of("2026-02-25T09:00", "2026-03-25T09:00")) {
      for (long chat : List.of(FORKOPIMDA, CAMAT_LURAH)) {
        expected.add(new Expected(chat, "Pengingat H-1", "Rakor Forkopimda", at));
        expected.add(new Expected(chat, "Pengingat 2 jam lagi", "Rakor Forkopimda", at));
      }
    }
    expected.add(new Expected(FORKOPIMDA, "Pengingat H-7", "Kopi Senja Kamtibmas", "2026-04-09T16:00"));
    expected.add(new Expected(FORKOPIMDA, "Pengingat H-1", "Kopi Senja Kamtibmas", "2026-04-09T16:00"));
    for (String at : List.of("2026-02-09T08:00", "2026-02-23T08:00", "2026-03-02T08:00")) {
      expected.add(new Expected(FORKOPIMDA, "Pengingat 2 jam lagi", "Apel Siaga", at));
    }
    expected.add(new Expected(FORKOPIMDA, "Pengingat H-1", "Rakor Persiapan Ramadan", "2026-03-05T10:00"));
    expected.add(new Expected(FORKOPIMDA, "Pengingat 2 jam lagi", "Rakor Persiapan Ramadan", "2026-03-05T10:00"));
    for (String at : patroli()) {
      expected.add(new Expected(FORKOPIMDA, "Pengingat 2 jam lagi", "Rapat Patroli Ramadan", at));
    }
    for (long chat : List.of(FORKOPIMDA, CAMAT_LURAH)) {
      expected.add(new Expected(chat, "Pengingat H-1", "Rakor Pasca Lebaran", "2026-03-26T09:00"));
      expected.add(new Expected(chat, "Pengingat 2 jam lagi", "Rakor Pasca Lebaran", "2026-03-26T09:00"));
    }
    return expected;
  }

  /**
   * With the H-1 reminder of schedules that chase (only Ngopi here, and the patrol and apel have no H-1):
   * Heri never answers, so each Ngopi gets one nudge naming him.
   */
  private static List<Expected> expectedNudges() {
    return NGOPI.stream().map(at -> new Expected(CAMAT_LURAH, "Mohon konfirmasi kehadiran", "Ngopi Kamtibmas", at)).toList();
  }

  /** Monday 07:00, the week before, to every group: 9 February (W06) to 13 April (W15). */
  private static List<Expected> expectedDigests() {
    List<Expected> expected = new ArrayList<>();
    for (int week = 6; week <= 15; week++) {
      String label = String.format("pekan 2026-W%02d", week);
      expected.add(new Expected(FORKOPIMDA, "Rekap Mingguan — Forkopimda Kota Malang", label, null));
      expected.add(new Expected(CAMAT_LURAH, "Rekap Mingguan — Camat dan Lurah", label, null));
      expected.add(new Expected(FKUB_BASIC_GROUP, "Rekap Mingguan — FKUB Kota Malang", label, null));
    }
    return expected;
  }

  /** Each expected message arrived exactly once, and no other message of that kind arrived at all. */
  private static void assertExactlyOnce(BotApiEmulator api, List<Expected> expected, Predicate<String> kind) {
    List<Call> all = api.calls("sendMessage").stream().filter(c -> kind.test(c.text())).toList();
    for (Expected e : expected) {
      String when = e.start() == null ? "" : id.rakorbot.schedule.IndonesianTime.dateTime(
          LocalDateTime.parse(e.start()).atZone(WIB));
      assertThat(all).as(e + " (" + when + ")")
          .filteredOn(c -> c.chatId() == e.chat() && c.text().contains(e.marker()) && c.text().contains(e.title())
              && c.text().contains(when))
          .hasSize(1);
    }
    assertThat(all).as("nothing but the expected").hasSize(expected.size());
  }

  private static Instant wib(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Jakarta")).toInstant();
  }

  private static ListAppender<ILoggingEvent> captureLog() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
    return appender;
  }

  private static void detach(ListAppender<ILoggingEvent> appender) {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
  }
}
