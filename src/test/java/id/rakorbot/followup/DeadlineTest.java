package id.rakorbot.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deadlines as a notulis types them after the owner, read on Wednesday 25 November 2026. */
class DeadlineTest {

  private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

  private static Deadline read(String typed, LocalDate today) {
    return Deadline.parse(words(typed), today).orElseThrow(() -> new AssertionError("not read: " + typed));
  }

  private static List<String> words(String typed) {
    return Arrays.asList(typed.split("\\s+", 4));
  }

  @Test
  void wordsANotulisTypesAreDates() {
    assertThat(read("besok Siapkan data", WEDNESDAY)).isEqualTo(new Deadline(LocalDate.of(2026, 11, 26), 1));
    assertThat(read("lusa Siapkan data", WEDNESDAY)).isEqualTo(new Deadline(LocalDate.of(2026, 11, 27), 1));
    assertThat(read("3 hari lagi Siapkan data", WEDNESDAY)).isEqualTo(new Deadline(LocalDate.of(2026, 11, 28), 3));
    assertThat(read("3 hari Siapkan data", WEDNESDAY)).isEqualTo(new Deadline(LocalDate.of(2026, 11, 28), 2));
    assertThat(read("minggu depan Siapkan data", WEDNESDAY)).isEqualTo(new Deadline(LocalDate.of(2026, 12, 2), 2));
    assertThat(read("pekan depan Siapkan", WEDNESDAY).date()).isEqualTo(LocalDate.of(2026, 12, 2));
    assertThat(read("akhir bulan Siapkan data", WEDNESDAY)).isEqualTo(new Deadline(LocalDate.of(2026, 11, 30), 2));
    assertThat(read("Akhir Pekan Siapkan data", WEDNESDAY)).isEqualTo(new Deadline(LocalDate.of(2026, 11, 27), 2));
  }

  @Test
  void aWeekdayIsTheNextOneNeverToday() {
    assertThat(read("Jumat Kerja bakti", WEDNESDAY).date()).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(read("jum'at Kerja bakti", WEDNESDAY).date()).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(read("Rabu Kerja bakti", WEDNESDAY).date()).isEqualTo(LocalDate.of(2026, 12, 2));
    assertThat(read("senin Kerja bakti", WEDNESDAY).date()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(read("akhir pekan Kerja bakti", LocalDate.of(2026, 11, 28)).date()).as("from a Saturday: the next Friday")
        .isEqualTo(LocalDate.of(2026, 12, 4));
    assertThat(read("akhir bulan Kerja bakti", LocalDate.of(2026, 12, 31)).date()).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void datesAsBeforeStillRead() {
    assertThat(read("30/11 Cek", WEDNESDAY).date()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(read("1 Desember Cek", WEDNESDAY)).isEqualTo(new Deadline(LocalDate.of(2026, 12, 1), 2));
    assertThat(read("2026-12-01 Cek", WEDNESDAY).date()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(read("10/1 Cek", WEDNESDAY).date()).as("a date passed this year is next year's").isEqualTo(LocalDate.of(2027, 1, 10));
  }

  /** Item 5: the refusal quotes the date that could not be read, never the first word of the description. */
  @Test
  void aRefusalQuotesOnlyWhatLookedLikeADate() {
    assertThat(Deadline.parse(words("31/02 Cek gorong-gorong"), WEDNESDAY)).isEmpty();
    assertThat(Deadline.attempted(words("31/02 Cek gorong-gorong"))).contains("31/02");
    assertThat(FollowUpTexts.badDeadline(Deadline.attempted(words("31/02 Cek gorong-gorong"))))
        .startsWith("Tenggat <b>31/02</b> tidak dapat dibaca.").doesNotContain("Cek");
    assertThat(Deadline.parse(words("Cek gorong-gorong"), WEDNESDAY)).isEmpty();
    assertThat(FollowUpTexts.badDeadline(Deadline.attempted(words("Cek gorong-gorong"))))
        .startsWith("Tenggat belum ditulis.").contains("\"besok\"", "\"Jumat\"", "\"akhir bulan\"").doesNotContain("Cek");
  }
}
