package id.rakorbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Month;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class IndonesianTimeTest {

  @Test
  void aMeetingTimeReadsAsOfficialsWriteIt() {
    assertThat(IndonesianTime.dateTime(ZonedDateTime.parse("2026-01-28T09:00+07:00[Asia/Jakarta]")))
        .isEqualTo("Rabu, 28 Januari 2026 pukul 09.00 WIB");
    assertThat(IndonesianTime.dateTime(ZonedDateTime.parse("2026-08-06T19:30+08:00[Asia/Makassar]")))
        .isEqualTo("Kamis, 6 Agustus 2026 pukul 19.30 WITA");
    assertThat(IndonesianTime.dateTime(ZonedDateTime.parse("2026-12-31T07:05+09:00[Asia/Jayapura]")))
        .isEqualTo("Kamis, 31 Desember 2026 pukul 07.05 WIT");
  }

  @Test
  void remindersAreLabelledAsHMinusDaysOrHoursAhead() {
    assertThat(new Reminder(Duration.ofDays(7)).label()).isEqualTo("H-7");
    assertThat(new Reminder(Duration.ofDays(1)).label()).isEqualTo("H-1");
    assertThat(new Reminder(Duration.ofHours(2)).label()).isEqualTo("2 jam lagi");
    assertThat(new Reminder(Duration.ofMinutes(90)).label()).isEqualTo("1 jam 30 menit lagi");
    assertThat(Reminder.parse("7d")).map(Reminder::code).contains("7d");
    assertThat(Reminder.parse("90m")).map(Reminder::code).contains("90m");
    assertThat(Reminder.parse("2 jam")).isEmpty();
  }

  @Test
  void dayAndMonthNamesAreReadInIndonesianOrEnglish() {
    assertThat(IndonesianTime.parseDay("Rabu")).contains(DayOfWeek.WEDNESDAY);
    assertThat(IndonesianTime.parseDay("jum'at")).contains(DayOfWeek.FRIDAY);
    assertThat(IndonesianTime.parseDay("thursday")).contains(DayOfWeek.THURSDAY);
    assertThat(IndonesianTime.parseMonth("agustus")).contains(Month.AUGUST);
    assertThat(IndonesianTime.parseMonth("10")).contains(Month.OCTOBER);
    assertThat(IndonesianTime.parseMonth("13")).isEmpty();
  }
}
