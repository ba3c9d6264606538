package id.rakorbot.siaga;

import id.rakorbot.config.ClockTime;
import id.rakorbot.config.ConfigCheck;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.SiagaPeriod;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks {@code periods:}: a name, real dates in order, 24-hour times, known groups. */
public final class SiagaCheck implements ConfigCheck {

  @Override
  public List<Problem> check(RakorbotConfig config) {
    List<Problem> problems = new ArrayList<>();
    Set<String> groups = config.groups().stream().map(GroupConfig::id).collect(Collectors.toSet());
    for (int i = 0; i < config.periods().size(); i++) {
      SiagaPeriod period = config.periods().get(i);
      String at = "/periods/" + i;
      if (period.name() == null || period.name().isBlank()) {
        problems.add(new Problem(at, "name wajib, misalnya: name: Pilkada 2026"));
      }
      LocalDate start = date(period.start(), at + "/start", "start", problems);
      LocalDate end = date(period.end(), at + "/end", "end", problems);
      if (start != null && end != null && end.isBefore(start)) {
        problems.add(new Problem(at + "/end", "end " + end + " sebelum start " + start + "."));
      }
      if (!ClockTime.valid(period.reportBy())) {
        problems.add(new Problem(at + "/report_by", "jam '" + period.reportBy() + "' tidak valid. Tulis jam:menit 24 jam, misalnya 20:00."));
      }
      if (!ClockTime.valid(period.remindAt())) {
        problems.add(new Problem(at + "/remind_at", "jam '" + period.remindAt() + "' tidak valid. Tulis jam:menit 24 jam, misalnya 17:00."));
      } else if (ClockTime.valid(period.reportBy()) && !period.reminderTime().isBefore(period.deadline())) {
        problems.add(new Problem(at + "/remind_at", "remind_at harus sebelum report_by (" + period.reportBy() + ")."));
      }
      for (int g = 0; g < period.groups().size(); g++) {
        if (!groups.contains(period.groups().get(g))) {
          problems.add(new Problem(at + "/groups/" + g, "grup '" + period.groups().get(g) + "' tidak ada di groups."));
        }
      }
      if (period.silentListTo() != null && !groups.contains(period.silentListTo())) {
        problems.add(new Problem(at + "/silent_list_to", "grup '" + period.silentListTo() + "' tidak ada di groups."));
      }
      if (!List.of("tetap", "diganti").contains(period.weeklyDigest())) {
        problems.add(new Problem(at + "/weekly_digest", "weekly_digest '" + period.weeklyDigest()
            + "' tidak dikenal. Tulis tetap (rekap mingguan tetap dikirim) atau diganti (rekap harian menggantikannya)."));
      }
    }
    return problems;
  }

  private static LocalDate date(String text, String pointer, String key, List<Problem> problems) {
    if (text == null || text.isBlank()) {
      problems.add(new Problem(pointer.substring(0, pointer.lastIndexOf('/')), key + " wajib: tanggal yyyy-mm-dd, misalnya 2026-11-20."));
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add(new Problem(pointer, "tanggal '" + text + "' tidak valid. Tulis yyyy-mm-dd, misalnya 2026-11-20."));
      return null;
    }
  }
}
