package id.rakorbot.digest;

import id.rakorbot.config.ClockTime;
import id.rakorbot.config.ConfigCheck;
import id.rakorbot.config.DigestConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.schedule.IndonesianTime;
import java.util.ArrayList;
import java.util.List;

/** Checks the {@code digest:} section: a real weekday, a 24-hour time, a positive hotspot threshold. */
public final class DigestCheck implements ConfigCheck {

  @Override
  public List<Problem> check(RakorbotConfig config) {
    List<Problem> problems = new ArrayList<>();
    DigestConfig digest = config.digest();
    if (IndonesianTime.parseDay(digest.weekday()).isEmpty()) {
      problems.add(new Problem("/digest/weekday", "hari '" + digest.weekday() + "' tidak dikenal. Tulis senin sampai minggu."));
    }
    if (!ClockTime.valid(digest.time())) {
      problems.add(new Problem("/digest/time", "jam '" + digest.time() + "' tidak valid. Tulis jam:menit 24 jam, misalnya 07:00."));
    }
    if (digest.hotspotReports() < 1) {
      problems.add(new Problem("/digest/hotspot_reports", "hotspot_reports harus 1 atau lebih."));
    }
    return problems;
  }
}
