package id.rakorbot.followup;

import id.rakorbot.background.Loop;
import id.rakorbot.config.ConfigCheck;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.feature.Feature;
import id.rakorbot.schedule.Reminders;
import id.rakorbot.schedule.Schedule;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.Groups;
import id.rakorbot.outbox.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The follow-up feature, wired: its commands, what it adds to reminders, and its sweep loop. */
public final class FollowUpFeature implements Feature {

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final Groups groups;
  private final Sessions sessions;
  private final FollowUpService service;
  private final Loop sweep = new Loop("follow-ups");
  private final String botUsername;
  private final FollowUpForms forms;

  /** The follow-ups' checks: units, contacts and where overdue lists go. */
  public static final ConfigCheck CHECK = new FollowUpCheck();

  /** @param botUsername the bot's @username: the t.me link for owners who never opened the bot */
  public FollowUpFeature(Jdbi jdbi, CurrentConfig config, Groups groups, Outbox outbox, Sessions sessions, Clock clock,
      String botUsername) {
    this.botUsername = botUsername;
    this.jdbi = jdbi;
    this.config = config;
    this.groups = groups;
    this.sessions = sessions;
    this.service = new FollowUpService(groups, outbox, clock);
    this.forms = new FollowUpForms(service, outbox);
  }

  /** "Tindak lanjut saya" of the Mini App, through the same rules as /progres and /selesai. */
  public FollowUpForms forms() {
    return forms;
  }

  @Override
  public List<Command> commands() {
    return List.of(new ArahanCommand(service, sessions), new ProgresCommand(service), new SelesaiCommand(service), new TlCommand(service));
  }

  /** Under each reminder of a meeting: the items of its schedule still open, and the overdue ones. */
  public Reminders.Addendum reminderAddendum() {
    return (handle, occurrence) -> {
      Schedule schedule = occurrence.schedule();
      List<FollowUp> open = FollowUps.openOf(handle, List.of(schedule.id()), 0);
      return open.isEmpty() ? Optional.empty() : Optional.of(FollowUpTexts.reminderAddendum(open, service.today(config.get())));
    };
  }

  @Override
  public List<ConfigCheck> checks() {
    return List.of(CHECK);
  }

  private FollowUpSweep step;

  /** Starts the reminder sweep. */
  @Override
  public void start() {
    step = new FollowUpSweep(jdbi, config, service, groups, "https://t.me/" + botUsername + "?start=tl");
    sweep.start(step::run);
  }

  /** One sweep in the caller's thread, done when it returns (tests that assert what it did not send). */
  public void sweepOnce() {
    step.run();
  }

  /** Runs the sweep now rather than within the minute (after a clock step in tests, for one). */
  public void sweepNow() {
    sweep.wake();
  }

  @Override
  public Map<String, BooleanSupplier> loops() {
    return Map.of("follow-ups", sweep::alive);
  }

  @Override
  public void close() {
    sweep.close();
  }
}
