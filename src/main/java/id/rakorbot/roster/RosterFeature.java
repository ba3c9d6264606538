package id.rakorbot.roster;

import id.rakorbot.background.Loop;
import id.rakorbot.config.ClockTime;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.Role;
import id.rakorbot.feature.Feature;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.schedule.IndonesianTime;
import id.rakorbot.telegram.CallbackHandler;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.Groups;
import id.rakorbot.telegram.MessageHandler;
import id.rakorbot.telegram.StartFlow;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Accounts bound without typing ids: shared contact, invite links, confirmed @username; /anggota; and a loop that
 * brings other instances' bindings into the config every half minute and, on the digest's day and hour, tells the
 * admins who is still not bound.
 */
public final class RosterFeature implements Feature {

  private static final Logger log = LoggerFactory.getLogger(RosterFeature.class);
  private static final Duration REFRESH = Duration.ofSeconds(30);

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final Outbox outbox;
  private final Clock clock;
  private final Accounts accounts;
  private final Groups groups;
  private final String botUsername;
  private final Loop loop = new Loop("roster-accounts");
  private volatile String notedWeek = "";

  public RosterFeature(Jdbi jdbi, CurrentConfig config, Groups groups, Outbox outbox, Clock clock, String botUsername) {
    this.jdbi = jdbi;
    this.config = config;
    this.outbox = outbox;
    this.clock = clock;
    this.groups = groups;
    this.botUsername = botUsername;
    this.accounts = new Accounts(jdbi, config, outbox, clock);
    accounts.rosterChanged(); // the bindings in force from the first update on
  }

  /** After a valid edit of the config or the roster file. */
  public void rosterChanged() {
    accounts.rosterChanged();
  }

  public StartFlow startFlow() {
    return new RosterStart(accounts);
  }

  @Override
  public List<Command> commands() {
    return List.of(new AnggotaCommand(accounts, groups));
  }

  @Override
  public List<CallbackHandler> callbacks() {
    return List.of(new UsernameConfirm(accounts), new AnggotaInvite(accounts, botUsername));
  }

  @Override
  public List<MessageHandler> messageHandlers() {
    return List.of(new ContactBinding(accounts, outbox));
  }

  @Override
  public Map<String, BooleanSupplier> loops() {
    return Map.of("roster-accounts", loop::alive);
  }

  @Override
  public void start() {
    loop.start(this::step);
  }

  private Duration step() {
    accounts.refresh();
    weeklyNote();
    return REFRESH;
  }

  /** Once a week, at the digest's day and hour: the peserta and pelapor still without an account, to each admin. */
  void weeklyNote() {
    RakorbotConfig current = config.get();
    ZonedDateTime now = clock.instant().atZone(current.bot().zone());
    LocalDate monday = now.toLocalDate().with(DayOfWeek.MONDAY);
    LocalDate day = IndonesianTime.parseDay(current.digest().weekday()).map(d -> monday.plusDays(d.getValue() - 1)).orElse(monday);
    if (now.isBefore(day.atTime(ClockTime.of(current.digest().time())).atZone(now.getZone()))) {
      return;
    }
    List<Official> waiting = current.people().stream().filter(p -> !p.bound() && (p.has(Role.PESERTA) || p.has(Role.PELAPOR))).toList();
    if (waiting.isEmpty()) {
      return;
    }
    String week = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format(java.util.Locale.ROOT, "%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    if (week.equals(notedWeek)) {
      return;
    }
    String text = RosterTexts.weeklyUnbound(waiting);
    jdbi.useTransaction(handle -> {
      for (Official admin : current.admins()) {
        outbox.enqueue(handle, admin.userId(), SendMessage.builder().chatId(admin.userId()).text(text).parseMode(ParseMode.HTML).build(),
            Priority.BULK, Optional.of("anggota-mingguan:" + week + ":" + admin.userId()));
      }
    });
    notedWeek = week;
    log.info("Weekly note of {} unbound people queued for week {}", waiting.size(), week);
  }

  @Override
  public void close() {
    loop.close();
  }
}
