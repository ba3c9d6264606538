package id.rakorbot.reload;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.ScheduleConfig;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a reload changed, in one line for the audit trail: the schedules by id, and the other sections by name. */
final class ConfigChanges {

  /** Not sections an admin edits: where the file is, and what is computed from the rest. */
  private static final Set<String> NOT_SECTIONS = Set.of("source", "derived", "schedules");

  private ConfigChanges() {}

  static String between(RakorbotConfig old, RakorbotConfig fresh) {
    Map<String, ScheduleConfig> before = byId(old.schedules());
    Map<String, ScheduleConfig> after = byId(fresh.schedules());
    List<String> parts = new ArrayList<>();
    add(parts, "jadwal baru", after.keySet().stream().filter(id -> !before.containsKey(id)).sorted().toList());
    add(parts, "jadwal diubah", after.keySet().stream().filter(id -> before.containsKey(id) && !before.get(id).equals(after.get(id))).sorted().toList());
    add(parts, "jadwal dihapus", before.keySet().stream().filter(id -> !after.containsKey(id)).sorted().toList());
    List<String> sections = new ArrayList<>();
    for (RecordComponent component : RakorbotConfig.class.getRecordComponents()) {
      if (!NOT_SECTIONS.contains(component.getName()) && !Objects.equals(value(component, old), value(component, fresh))) {
        sections.add(component.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT)); // as the file spells it
      }
    }
    add(parts, "bagian berubah", sections);
    return parts.isEmpty() ? "tanpa perubahan isi" : String.join("; ", parts);
  }

  private static void add(List<String> parts, String label, List<String> ids) {
    if (!ids.isEmpty()) {
      parts.add(label + ": " + String.join(", ", ids));
    }
  }

  private static Object value(RecordComponent component, RakorbotConfig config) {
    try {
      return component.getAccessor().invoke(config);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, ScheduleConfig> byId(List<ScheduleConfig> schedules) {
    return schedules.stream().collect(Collectors.toMap(ScheduleConfig::id, Function.identity(), (a, b) -> a));
  }
}
