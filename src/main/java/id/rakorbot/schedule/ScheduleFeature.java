package id.rakorbot.schedule;

import id.rakorbot.config.ConfigCheck;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.feature.Feature;
import id.rakorbot.telegram.Command;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The schedules, wired: /jadwal and the schedules' checks; reminders fire through {@link SchedulerEngine}. */
public final class ScheduleFeature implements Feature {

  private final Clock clock;
  private final Function<RakorbotConfig, Optional<String>> notice;

  /** @param notice what /jadwal adds under the meetings (a running masa siaga) */
  public ScheduleFeature(Clock clock, Function<RakorbotConfig, Optional<String>> notice) {
    this.clock = clock;
    this.notice = notice;
  }

  @Override
  public List<Command> commands() {
    return List.of(new JadwalCommand(clock, notice));
  }

  @Override
  public List<ConfigCheck> checks() {
    return List.of(ScheduleParser.CHECK);
  }
}
