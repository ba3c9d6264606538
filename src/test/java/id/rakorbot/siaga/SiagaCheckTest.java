package id.rakorbot.siaga;

import id.rakorbot.support.ConfigProblems;
import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Rakorbot;
import id.rakorbot.config.ConfigProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** periods: is checked with line and column. */
class SiagaCheckTest {

  private static final String BASE = """
      groups:
        - {id: forkopimda, chat_id: -1001, name: Forkopimda}
      periods:
        - {name: Pilkada 2026, start: 2026-11-24, end: 2026-11-26, report_by: "20:00", remind_at: "17:00", weekly_digest: diganti}
      """;

  @Test
  void aValidPeriodBinds() {
    var config = Rakorbot.configLoader(Map.<String, String>of()::get).parse(Path.of("config/rakorbot.yaml"), BASE);
    assertThat(config.periodOn(java.time.LocalDate.of(2026, 11, 26))).map(p -> p.replacesWeeklyDigest()).contains(true);
    assertThat(config.periodOn(java.time.LocalDate.of(2026, 11, 27))).isEmpty();
  }

  /** weekly_digest: diganti — the daily digests stand in for the weekly one, only in the period's groups and days. */
  @Test
  void theWeeklyDigestGivesWayOnlyWhereAndWhenSaid() {
    var config = Rakorbot.configLoader(Map.<String, String>of()::get).parse(Path.of("config/rakorbot.yaml"), BASE);
    assertThat(MasaSiaga.weeklyDigestReplaced(config, "forkopimda", java.time.LocalDate.of(2026, 11, 24))).isTrue();
    assertThat(MasaSiaga.weeklyDigestReplaced(config, "forkopimda", java.time.LocalDate.of(2026, 11, 27))).isFalse();
    var kept = Rakorbot.configLoader(Map.<String, String>of()::get).parse(Path.of("config/rakorbot.yaml"), BASE.replace("diganti", "tetap"));
    assertThat(MasaSiaga.weeklyDigestReplaced(kept, "forkopimda", java.time.LocalDate.of(2026, 11, 24))).isFalse();
  }

  @Test
  void mistakesAreNamedWithLineAndColumn() {
    assertThat(problems(BASE.replace("end: 2026-11-26", "end: 2026-11-20").replace("\"17:00\"", "\"21:00\"")
        .replace("diganti", "hapus")))
        .hasSize(3)
        .anyMatch(p -> p.startsWith("config/rakorbot.yaml:4:") && p.contains("end 2026-11-20 sebelum start 2026-11-24."))
        .anyMatch(p -> p.contains("remind_at harus sebelum report_by (20:00)."))
        .anyMatch(p -> p.contains("weekly_digest 'hapus' tidak dikenal."));
  }

  private static List<String> problems(String yaml) {
    return ConfigProblems.of("config/rakorbot.yaml", yaml);
  }
}
