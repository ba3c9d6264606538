package id.rakorbot.schedule;

import id.rakorbot.support.ConfigProblems;
import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Rakorbot;
import id.rakorbot.config.ConfigProblem;
import id.rakorbot.config.RakorbotConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schedules in the config file: what admins write, and what they are told when it is wrong. */
class ScheduleConfigTest {

  private static final String BASE = """
      groups:
        - id: forkopimda
          chat_id: -1001
          name: Forkopimda
      holidays: [2026-08-17]
      schedules:
        - id: rakor
          title: Rakor
          kind: rakor
          groups: [forkopimda]
          mode: hybrid
          link: https://zoom.us/j/1
          time: "09:00"
          repeat: {every: month, weekday: rabu, week: last}
          reminders: [7d, 1d, 2h]
      """;

  private static RakorbotConfig parse(String yaml) {
    return Rakorbot.configLoader(Map.<String, String>of()::get).parse(Path.of("config/rakorbot.yaml"), yaml);
  }

  private static List<String> problems(String yaml) {
    return ConfigProblems.of("config/rakorbot.yaml", yaml);
  }

  @Test
  void aValidScheduleIsParsedWithItsReminders() {
    Schedule schedule = ScheduleParser.schedules(parse(BASE)).getFirst();

    assertThat(schedule.recurrence()).isEqualTo(new Recurrence.Monthly(1, java.time.Month.JANUARY,
        new Recurrence.NthWeekday(-1, java.time.DayOfWeek.WEDNESDAY)));
    assertThat(schedule.reminders()).extracting(Reminder::label).containsExactly("H-7", "H-1", "2 jam lagi");
    assertThat(schedule.mode()).isEqualTo(Schedule.Mode.HYBRID);
    assertThat(ScheduleParser.holidays(parse(BASE)).isHoliday(java.time.LocalDate.of(2026, 8, 17))).isTrue();
  }

  @Test
  void anUndeclaredGroupIsNamedWithASuggestion() {
    assertThat(problems(BASE.replace("groups: [forkopimda]", "groups: [forkopimdaa]")))
        .containsExactly("config/rakorbot.yaml:10:14: grup 'forkopimdaa' tidak dideklarasikan di bagian groups."
            + " Maksud Anda 'forkopimda'? Grup yang ada: forkopimda.");
  }

  @Test
  void aBadTimeIsExplained() {
    assertThat(problems(BASE.replace("\"09:00\"", "\"25:00\"")))
        .containsExactly("config/rakorbot.yaml:13:5: jam '25:00' tidak valid. Tulis jam:menit 24 jam, misalnya 09:00 atau 19.30.");
  }

  @Test
  void anImpossibleDateIsRejected() {
    assertThat(problems(BASE.replace("{every: month, weekday: rabu, week: last}", "{every: once, date: 2026-02-30}")))
        .singleElement().asString().startsWith("config/rakorbot.yaml:14:").contains("tanggal 2026-02-30 tidak ada di kalender");
    assertThat(problems(BASE.replace("holidays: [2026-08-17]", "holidays: [2026-08-17, 2026-13-01]")))
        .singleElement().asString().startsWith("config/rakorbot.yaml:5:").contains("2026-13-01");
  }

  @Test
  void aRecurrenceThatNeverFiresIsRejected() {
    assertThat(problems(BASE.replace("{every: month, weekday: rabu, week: last}", "{every: cron, cron: \"0 0 9 30 2 ?\"}")))
        .anyMatch(p -> p.contains("tidak pernah terjadi"));
    assertThat(problems(BASE.replace("week: last", "week: 5")))
        .singleElement().asString().contains("minggu ke-'5' tidak selalu ada");
  }

  @Test
  void aCronScheduleWhoseYearHasPassedStaysValidAndSimplyHasNoMoreMeetings() {
    String passed = BASE.replace("{every: month, weekday: rabu, week: last}", "{every: cron, cron: \"0 0 9 1 1 ? 2025\"}");
    Schedule schedule = ScheduleParser.schedules(parse(passed)).getFirst(); // parse fails on any problem
    assertThat(schedule.recurrence().nextAfter(java.time.ZonedDateTime.now(schedule.zone()), java.time.LocalTime.of(9, 0))).isEmpty();
  }

  @Test
  void aReminderFurtherBackThanTheIntervalIsRejected() {
    assertThat(problems(BASE.replace("{every: month, weekday: rabu, week: last}", "{every: week, weekday: kamis}").replace("[7d, 1d, 2h]", "[8d, 1d]")))
        .containsExactly("config/rakorbot.yaml:15:17: pengingat 8d lebih jauh dari jarak antar-pertemuan (bisa hanya 7 hari):"
            + " pengingatnya akan tertukar dengan pertemuan sebelumnya. Perpendek pengingatnya.");
  }

  @Test
  void aHybridMeetingNeedsALinkAndAWeekdayIsSpelledRight() {
    assertThat(problems(BASE.replace("    link: https://zoom.us/j/1\n", "")))
        .singleElement().asString().contains("perlu 'link'");
    assertThat(problems(BASE.replace("weekday: rabu", "weekday: rebo")))
        .singleElement().asString().contains("hari 'rebo' tidak dikenal. Maksud Anda 'rabu'?");
  }

  @Test
  void theShippedExamplesAreRealistic() {
    RakorbotConfig shipped = Rakorbot.configLoader(Map.<String, String>of()::get).load(Path.of("config/rakorbot.yaml"));
    List<Schedule> schedules = ScheduleParser.schedules(shipped);

    assertThat(schedules).extracting(Schedule::kind).contains(Schedule.Kind.RAKOR, Schedule.Kind.KOPI_SENJA, Schedule.Kind.NGOPI_KAMTIBMAS);
    Schedule rakor = schedules.stream().filter(s -> s.kind() == Schedule.Kind.RAKOR).findFirst().orElseThrow();
    assertThat(rakor.mode()).isEqualTo(Schedule.Mode.HYBRID);
    assertThat(rakor.time()).isEqualTo(java.time.LocalTime.of(9, 0));
    assertThat(ScheduleParser.holidays(shipped).dates()).hasSize(25);
  }

  /** Defect 7: a {@code "} in a link cannot end the href and break (or inject into) the reminder. */
  @Test
  void aQuoteInALinkStaysInsideTheHref() {
    Schedule schedule = ScheduleParser.schedules(parse(BASE.replace("link: https://zoom.us/j/1",
        "link: 'https://zoom.us/j/1?pwd=\"><b>x</b>'"))).getFirst();
    var occurrence = new Occurrence(schedule, java.time.ZonedDateTime.parse("2026-11-25T09:00+07:00[Asia/Jakarta]"), java.util.Optional.empty());

    assertThat(ReminderTexts.announcement(occurrence))
        .contains("<a href=\"https://zoom.us/j/1?pwd=&quot;&gt;&lt;b&gt;x&lt;/b&gt;\">Tautan rapat daring</a>");
  }

  /** The bahan rapat's time: by default H-1 08:00 for a rakor; "none" turns it off; a bad time says how. */
  @Test
  void theBriefingTimeDefaultsForARakorAndIsChecked() {
    assertThat(ScheduleParser.schedules(parse(BASE)).getFirst().briefing()).contains(BriefingTime.DEFAULT);
    assertThat(ScheduleParser.schedules(parse(BASE.replace("reminders: [7d, 1d, 2h]", "reminders: [7d, 1d, 2h]\n    briefing: none")))
        .getFirst().briefing()).isEmpty();
    assertThat(problems(BASE.replace("reminders: [7d, 1d, 2h]", "reminders: [7d, 1d, 2h]\n    briefing: besok pagi")))
        .singleElement().asString().contains("briefing 'besok pagi' tidak valid", "H-1 08:00");
  }
}
