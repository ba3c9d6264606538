package id.rakorbot.response;

import id.rakorbot.config.ConfigCheck;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.ResponseConfig;
import id.rakorbot.config.Role;
import id.rakorbot.config.TimeSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks {@code response:}: known roles, a name and a reach for every level, readable times, real people and groups. */
final class ResponseCheck implements ConfigCheck {

  static final Set<String> LEVELS = Set.of("waspada", "siaga", "awas");

  @Override
  public List<Problem> check(RakorbotConfig config) {
    List<Problem> problems = new ArrayList<>();
    ResponseConfig response = config.response();
    for (int r = 0; r < response.whoMayHandle().size(); r++) {
      String role = response.whoMayHandle().get(r);
      if (Role.of(role).isEmpty()) {
        problems.add(new Problem("/response/who_may_handle/" + r, "peran '" + role + "' tidak dikenal. Pilih dari: "
            + String.join(", ", Role.keys()) + "."));
      }
    }
    Set<String> groups = config.groups().stream().map(GroupConfig::id).collect(Collectors.toSet());
    for (int i = 0; i < response.levels().size(); i++) {
      ResponseConfig.Level level = response.levels().get(i);
      String at = "/response/levels/" + i;
      if (level.name() == null || level.name().isBlank()) {
        problems.add(new Problem(at, "name tingkat wajib, misalnya: name: Kecamatan"));
      }
      if (level.scope() != null && !level.byArea()) {
        problems.add(new Problem(at + "/scope", "scope '" + level.scope() + "' tidak dikenal. Satu-satunya pilihan: wilayah"
            + " (orang di wilayah laporan yang perannya boleh menangani)."));
      }
      if (!level.byArea() && level.people().isEmpty() && level.groups().isEmpty()) {
        problems.add(new Problem(at, "tingkat '" + level.label() + "' tidak menjangkau siapa pun. Isi scope: wilayah, people atau groups."));
      }
      for (Map.Entry<String, TimeSpan> limit : level.ackWithin().entrySet()) {
        if (!LEVELS.contains(limit.getKey())) {
          problems.add(new Problem(at + "/ack_within/" + limit.getKey(), "tingkat peringatan '" + limit.getKey()
              + "' tidak dikenal. Pilih dari: waspada, siaga, awas."));
        } else if (limit.getValue() == null || !limit.getValue().valid()) {
          problems.add(new Problem(at + "/ack_within/" + limit.getKey(), "waktu '" + (limit.getValue() == null ? "" : limit.getValue().text())
              + "' tidak dapat dibaca. Tulis misalnya 10m (menit), 2h (jam) atau 1d (hari)."));
        }
      }
      for (int p = 0; p < level.people().size(); p++) {
        String reference = level.people().get(p);
        if (config.people().stream().noneMatch(o -> o.isNamedBy(reference))) {
          problems.add(new Problem(at + "/people/" + p, "'" + reference + "' tidak ada di roster. Tulis username, user_id atau"
              + " nomor HP orang yang ada di roster."));
        }
      }
      for (int g = 0; g < level.groups().size(); g++) {
        if (!groups.contains(level.groups().get(g))) {
          problems.add(new Problem(at + "/groups/" + g, "grup '" + level.groups().get(g) + "' tidak ada di groups. Pilih dari: "
              + String.join(", ", groups.stream().sorted().toList()) + "."));
        }
      }
    }
    if (response.quietHours() != null && response.quiet().isEmpty()) {
      problems.add(new Problem("/response/quiet_hours", "jam tenang '" + response.quietHours()
          + "' tidak dapat dibaca. Tulis dua jam 24 jam, misalnya \"22:00-05:00\"."));
    }
    for (int i = 0; i < config.yamlRoster().size(); i++) {
      Official person = config.yamlRoster().get(i);
      if (person.atasan() != null && config.people().stream().noneMatch(o -> o != person && o.isNamedBy(person.atasan()))) {
        problems.add(new Problem("/roster/" + i + "/atasan", "atasan '" + person.atasan() + "' tidak ada di roster. Tulis username,"
            + " user_id atau nomor HP atasannya."));
      }
    }
    return problems;
  }
}
