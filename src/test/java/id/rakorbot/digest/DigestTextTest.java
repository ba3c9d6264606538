package id.rakorbot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DigestTextTest {

  @Test
  void changesReadAsLeadersWriteThemAndNeverDivideByZero() {
    assertThat(DigestText.change(10, 7)).isEqualTo("▲ 3 (+43 %)");
    assertThat(DigestText.change(8, 10)).isEqualTo("▼ 2 (−20 %)");
    assertThat(DigestText.change(5, 5)).isEqualTo("=");
    assertThat(DigestText.change(3, 0)).isEqualTo("▲ 3 (baru)");
    assertThat(DigestText.change(0, 5)).isEqualTo("▼ 5 (−100 %)");
    assertThat(DigestText.change(7, 1)).isEqualTo("▲ 6"); // small base: a count, not "+600 %"
    assertThat(DigestText.change(0, 4)).isEqualTo("▼ 4");
    assertThat(DigestText.change(0, 0)).isEqualTo("=");
    assertThat(DigestText.change(107, 90)).isEqualTo("▲ 17 (+19 %)");
  }

  @Test
  void thisWeekIsComparedWithTheAverageOfFourWeeks() {
    assertThat(DigestText.versusAverage(12, 32)).isEqualTo("▲ (+50 %)");
    assertThat(DigestText.versusAverage(4, 32)).isEqualTo("▼ (−50 %)");
    assertThat(DigestText.versusAverage(8, 32)).isEqualTo("=");
    assertThat(DigestText.versusAverage(2, 0)).isEqualTo("▲ (baru)");
    assertThat(DigestText.versusAverage(0, 0)).isEqualTo("=");
    assertThat(DigestText.versusAverage(0, 20)).isEqualTo("▼ (−100 %)");
    assertThat(DigestText.versusAverage(6, 3)).isEqualTo("▲ 5,3"); // against 0,8 a week: not "+700 %"
    assertThat(DigestText.versusAverage(0, 4)).isEqualTo("▼ 1,0");
  }

  @Test
  void aLongDigestSplitsUnderTheLimitAtLineEndsWithEveryTagClosed() {
    StringBuilder text = new StringBuilder("📊 <b>Rekap</b>");
    for (int i = 0; i < 400; i++) {
      text.append("\n• <b>Wilayah ").append(i).append("</b>: <i>").append("laporan ".repeat(3)).append("</i>");
    }
    text.append("\nTanpa laporan: ").append("Kelurahan-panjang ".repeat(400).strip());

    List<String> parts = DigestText.split(text.toString());

    assertThat(parts).hasSizeGreaterThan(2).allSatisfy(part -> {
      assertThat(part.length()).isLessThanOrEqualTo(4_096);
      assertThat(count(part, "<b>")).isEqualTo(count(part, "</b>"));
      assertThat(count(part, "<i>")).isEqualTo(count(part, "</i>"));
      assertThat(part).doesNotStartWith(" ").doesNotEndWith("Kelurahan-");
    });
    assertThat(String.join(" ", parts).replaceAll("\\s+", " ")).isEqualTo(text.toString().replaceAll("\\s+", " "));
  }

  private static int count(String text, String tag) {
    Matcher m = Pattern.compile(Pattern.quote(tag)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Defect 8: week 53 exists in the years that have it, and a missing one is explained. */
  @Test
  void week53IsAcceptedWhereItExists() {
    java.time.ZoneId wib = java.time.ZoneId.of("Asia/Jakarta");
    assertThat(Week.parse("2026-W53", wib).monday()).isEqualTo(java.time.LocalDate.of(2026, 12, 28));
    assertThat(Week.parse("2020-w53", wib).monday()).isEqualTo(java.time.LocalDate.of(2020, 12, 28));
    assertThat(Week.parse("2025-W01", wib).monday()).isEqualTo(java.time.LocalDate.of(2024, 12, 30));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Week.parse("2025-W53", wib))
        .hasMessage("Tahun 2025 hanya punya 52 pekan; pekan 53 tidak ada.");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Week.parse("2026-W00", wib))
        .hasMessage("Tahun 2026 hanya punya 53 pekan; pekan 0 tidak ada.");
  }
}
