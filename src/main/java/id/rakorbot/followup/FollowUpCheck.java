package id.rakorbot.followup;

import id.rakorbot.config.ClockTime;
import id.rakorbot.config.ConfigCheck;
import id.rakorbot.config.FollowUpsConfig;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.schedule.IndonesianTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks {@code follow_ups:} and the roster's usernames: real units, known contacts and groups, valid times. */
public final class FollowUpCheck implements ConfigCheck {

  @Override
  public List<Problem> check(RakorbotConfig config) {
    List<Problem> problems = new ArrayList<>();
    FollowUpsConfig settings = config.followUps();
    Map<String, Integer> keys = new HashMap<>();
    Set<Long> roster = config.people().stream().map(Official::userId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    for (int i = 0; i < settings.units().size(); i++) {
      FollowUpsConfig.Unit unit = settings.units().get(i);
      String at = "/follow_ups/units/" + i;
      if (unit.key() == null || !unit.key().matches("[a-z0-9_]{2,32}")) {
        problems.add(new Problem(at + "/key", "key unit wajib: 2-32 huruf kecil, angka atau _, misalnya dpupr (ditulis @dpupr di /arahan)."));
      } else if (keys.putIfAbsent(unit.key(), i) != null) {
        problems.add(new Problem(at + "/key", "key '" + unit.key() + "' sudah dipakai unit ke-" + (keys.get(unit.key()) + 1) + "."));
      }
      if (unit.name() == null || unit.name().isBlank()) {
        problems.add(new Problem(at, "name unit wajib, misalnya: name: Dinas PUPR Kota Malang"));
      }
      for (int c = 0; c < unit.contacts().size(); c++) {
        if (!roster.contains(unit.contacts().get(c))) {
          problems.add(new Problem(at + "/contacts/" + c, "kontak " + unit.contacts().get(c)
              + " tidak ada di roster. Tambahkan orangnya ke roster dulu (user_id yang sama)."));
        }
      }
    }
    Set<String> groups = config.groups().stream().map(GroupConfig::id).collect(Collectors.toSet());
    List<String> overdueTo = settings.overdueListTo() == null ? List.of() : settings.overdueListTo();
    for (int g = 0; g < overdueTo.size(); g++) {
      if (!groups.contains(overdueTo.get(g))) {
        problems.add(new Problem("/follow_ups/overdue_list_to/" + g, "grup '" + overdueTo.get(g) + "' tidak ada di groups. Pilih dari: "
            + String.join(", ", groups.stream().sorted().toList()) + "."));
      }
    }
    if (settings.escalateAfter() != null && !settings.escalateAfter().valid()) {
      problems.add(new Problem("/follow_ups/escalate_after", "waktu '" + settings.escalateAfter().text()
          + "' tidak dapat dibaca. Tulis jumlah hari, misalnya 3d."));
    }
    for (int i = 0; i < settings.units().size(); i++) {
      String head = settings.units().get(i).head();
      if (head != null && config.people().stream().noneMatch(o -> o.isNamedBy(head))) {
        problems.add(new Problem("/follow_ups/units/" + i + "/head", "kepala unit '" + head + "' tidak ada di roster. Tulis username,"
            + " user_id atau nomor HP orang yang ada di roster."));
      }
    }
    if (IndonesianTime.parseDay(settings.overdueWeekday()).isEmpty()) {
      problems.add(new Problem("/follow_ups/overdue_weekday", "hari '" + settings.overdueWeekday() + "' tidak dikenal. Tulis senin sampai minggu."));
    }
    if (!ClockTime.valid(settings.overdueTime())) {
      problems.add(new Problem("/follow_ups/overdue_time", "jam '" + settings.overdueTime() + "' tidak valid. Tulis jam:menit 24 jam, misalnya 08:00."));
    }
    if (!ClockTime.valid(settings.remindAt())) {
      problems.add(new Problem("/follow_ups/remind_at", "jam '" + settings.remindAt() + "' tidak valid. Tulis jam:menit 24 jam, misalnya 08:00."));
    }
    for (int i = 0; i < config.yamlRoster().size(); i++) {
      String username = config.yamlRoster().get(i).username();
      if (username != null && !username.matches("[A-Za-z0-9_]{4,32}")) {
        problems.add(new Problem("/roster/" + i + "/username", "username '" + username
            + "' tidak valid: username Telegram 4-32 huruf, angka atau _, tanpa @ (boleh dengan @)."));
      } else if (username != null && keys.containsKey(username.toLowerCase(java.util.Locale.ROOT))) {
        problems.add(new Problem("/roster/" + i + "/username", "username '" + username + "' sama dengan key sebuah unit di follow_ups;"
            + " @" + username + " di /arahan harus jelas menunjuk satu pemilik. Ganti key unitnya."));
      }
    }
    return problems;
  }
}
