package id.rakorbot.schedule;

import id.rakorbot.config.RakorbotConfig;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The schedules and holidays of one loaded config, parsed once. Nothing here looks at the clock when it
 * is built, so a book that was valid at load stays valid for as long as its config is in force.
 */
public record ScheduleBook(RakorbotConfig config, List<Schedule> all, Calendar calendar) {

  /** The book of a config that passed {@link ScheduleParser#CHECK}; parsed once per loaded config and kept with it. */
  public static ScheduleBook of(RakorbotConfig config) {
    return config.derived().get(ScheduleBook.class,
        () -> new ScheduleBook(config, ScheduleParser.schedules(config), new Calendar(ScheduleParser.holidays(config))));
  }

  public Optional<Schedule> byId(String id) {
    return all.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** Schedules that remind at least one of these groups. */
  public List<Schedule> forGroups(Collection<String> groupIds) {
    return all.stream().filter(s -> s.groups().stream().anyMatch(groupIds::contains)).toList();
  }

  /** The next {@code perSchedule} meetings of each schedule of these groups after a moment, in time order. */
  public List<Occurrence> upcoming(Collection<String> groupIds, Instant after, int perSchedule) {
    return forGroups(groupIds).stream()
        .flatMap(s -> calendar.next(s, after, perSchedule).stream())
        .sorted(Comparator.comparing(o -> o.start().toInstant()))
        .toList();
  }
}
