package id.rakorbot.calendar;

import id.rakorbot.background.Loop;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.feature.Feature;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.schedule.Reminders;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.Groups;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The calendar feature, wired: /kalender, the file beside each announcement, and the {@code calendar} loop that
 * keeps the events in step with the file (at start, after each reload, and hourly as the window moves).
 */
public final class CalendarFeature implements Feature {

  private static final Duration EVERY = Duration.ofHours(1);

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final Clock clock;
  private final CalendarFiles files;
  private final Loop loop = new Loop("calendar");

  public CalendarFeature(Jdbi jdbi, CurrentConfig config, Groups groups, Outbox outbox, Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.clock = clock;
    this.files = new CalendarFiles(config, groups, outbox, clock);
  }

  /** What sends the calendar file with each announcement; give it to {@link Reminders#announceWith}. */
  public Reminders.Announced announcements() {
    return files;
  }

  /** The events in step with the config now; the groups that had a changed one get its new file. */
  public void reconcile() {
    jdbi.useTransaction(handle -> files.changed(handle, CalendarEvents.reconcile(handle, config.get(), clock.instant(), Optional.empty())));
  }

  public CalendarFeed feed() {
    return new CalendarFeed(jdbi, config, clock);
  }

  @Override
  public List<Command> commands() {
    return List.of(new KalenderCommand(clock));
  }

  @Override
  public Map<String, BooleanSupplier> loops() {
    return Map.of("calendar", loop::alive);
  }

  @Override
  public void start() {
    loop.start(() -> {
      reconcile();
      return EVERY;
    });
  }

  @Override
  public void close() {
    loop.close();
  }
}
