package id.rakorbot.siaga;

import id.rakorbot.background.Loop;
import id.rakorbot.report.ReportDao;
import id.rakorbot.report.Reporters;
import id.rakorbot.config.ConfigCheck;
import id.rakorbot.feature.Feature;
import java.util.function.BooleanSupplier;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.Role;
import id.rakorbot.config.SiagaPeriod;
import id.rakorbot.report.ReportCounts;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.Groups;
import id.rakorbot.warning.EarlyWarnings;
import id.rakorbot.warning.WarningTexts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Masa siaga, once a minute while a period covers today: from {@code remind_at} the registered reporters of
 * each area still silent today get a private reminder; at {@code report_by} the leadership gets the silent
 * areas and the period's groups the daily digest. Each message is claimed in {@code siaga_notice} in the
 * transaction that queues it: once, across instances and restarts; a bot that was down at the hour sends it
 * at its first look after (the reminders only until the deadline).
 */
public final class MasaSiaga implements Feature {

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final Groups groups;
  private final Outbox outbox;
  private final Clock clock;
  private final Loop sweep = new Loop("masa-siaga");

  public MasaSiaga(Jdbi jdbi, CurrentConfig config, Groups groups, Outbox outbox, Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.groups = groups;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The notice /start and /jadwal add while a period runs. */
  public static Optional<String> notice(RakorbotConfig config, Instant now) {
    ZoneId zone = config.bot().zone();
    return config.periodOn(now.atZone(zone).toLocalDate()).map(p -> SiagaTexts.notice(p, zone));
  }

  /** Whether the weekly digest of {@code groupId} gives way to the daily ones today. */
  public static boolean weeklyDigestReplaced(RakorbotConfig config, String groupId, LocalDate today) {
    return config.periodOn(today).filter(SiagaPeriod::replacesWeeklyDigest).filter(p -> p.digestGroups(config).contains(groupId)).isPresent();
  }

  Duration step() {
    RakorbotConfig current = config.get();
    ZoneId zone = current.bot().zone();
    ZonedDateTime now = clock.instant().atZone(zone);
    Optional<SiagaPeriod> period = current.periodOn(now.toLocalDate());
    if (period.isEmpty() || current.reports().areas().isEmpty()) {
      return Duration.ofMinutes(1);
    }
    SiagaPeriod p = period.get();
    LocalDate day = now.toLocalDate();
    boolean pastDeadline = !now.toLocalTime().isBefore(p.deadline());
    if (!now.toLocalTime().isBefore(p.reminderTime()) && !pastDeadline) {
      jdbi.useTransaction(handle -> remind(handle, current, p, day, now));
    }
    if (pastDeadline) {
      jdbi.useTransaction(handle -> close(handle, current, p, day, now));
    }
    return Duration.ofMinutes(1);
  }

  private void remind(Handle handle, RakorbotConfig current, SiagaPeriod period, LocalDate day, ZonedDateTime now) {
    for (String area : heard(handle, current, day, now).silent()) {
      for (long reporter : reporters(handle, current, area)) {
        if (claim(handle, day, "pengingat", area + "|" + reporter)) {
          send(handle, reporter, SiagaTexts.reminder(period, area, now.getZone()), Priority.SCHEDULED, "siaga:" + day + ":pengingat:" + area + ":" + reporter);
        }
      }
    }
  }

  private void close(Handle handle, RakorbotConfig current, SiagaPeriod period, LocalDate day, ZonedDateTime now) {
    Heard heard = heard(handle, current, day, now);
    String leadership = period.silentListTo() != null ? period.silentListTo()
        : current.reports().alertGroups().stream().findFirst().orElse(null);
    if (leadership != null && claim(handle, day, "senyap", leadership)) {
      groups.reachable(handle, leadership).ifPresent(group -> send(handle, groups.chatIdOf(handle, group),
          SiagaTexts.silentList(period, day, heard.silent(), current.reports().areas().size()), Priority.SCHEDULED,
          "siaga:" + day + ":senyap:" + leadership, group.topic()));
    }
    Instant dayStart = day.atStartOfDay(now.getZone()).toInstant();
    Map<String, Long> byCategory = new LinkedHashMap<>();
    Map<String, Long> counted = ReportCounts.byCategory(handle, dayStart, now.toInstant(), now.getZone(), now.toInstant());
    current.reports().categories().forEach(c -> {
      if (counted.getOrDefault(c.key(), 0L) > 0) {
        byCategory.put(c.label(), counted.get(c.key()));
      }
    });
    List<String> warnings = EarlyWarnings.raisedBetween(handle, dayStart, now.toInstant()).stream()
        .map(w -> WarningTexts.line(w, now.getZone())).toList();
    String digest = SiagaTexts.daily(period, day, byCategory, heard.reported(), heard.nihilOnly(), heard.silent(), warnings);
    for (String groupId : period.digestGroups(current)) {
      if (claim(handle, day, "rekap", groupId)) {
        groups.reachable(handle, groupId).ifPresent(group -> send(handle, groups.chatIdOf(handle, group), digest, Priority.SCHEDULED,
            "siaga:" + day + ":rekap:" + groupId, group.topic()));
      }
    }
  }

  /** Areas (as the config spells them) with a real report today, with only nihil, and with nothing. */
  private record Heard(List<String> reported, List<String> nihilOnly, List<String> silent) {}

  private static Heard heard(Handle handle, RakorbotConfig current, LocalDate day, ZonedDateTime now) {
    Set<String> real = new LinkedHashSet<>();
    Set<String> nihil = new LinkedHashSet<>();
    handle.attach(ReportDao.class).areasHeard(day.atStartOfDay(now.getZone()).toInstant(), now.toInstant())
        .forEach(heard -> (heard.real() ? real : nihil).add(heard.area()));
    List<String> reported = new ArrayList<>();
    List<String> nihilOnly = new ArrayList<>();
    List<String> silent = new ArrayList<>();
    for (String area : current.reports().areas()) {
      String key = area.toLowerCase(Locale.ROOT);
      (real.contains(key) ? reported : nihil.contains(key) ? nihilOnly : silent).add(area);
    }
    return new Heard(reported, nihilOnly, silent);
  }

  /** Roster pelapor of the area and reporters approved for it. */
  private static List<Long> reporters(Handle handle, RakorbotConfig current, String area) {
    Set<Long> users = new LinkedHashSet<>();
    current.roster().stream().filter(o -> o.has(Role.PELAPOR) && o.wilayah() != null && o.wilayah().equalsIgnoreCase(area))
        .map(Official::userId).forEach(users::add);
    users.addAll(Reporters.approvedIn(handle, area));
    return List.copyOf(users);
  }

  private static boolean claim(Handle handle, LocalDate day, String kind, String target) {
    return handle.attach(SiagaNoticeDao.class).claim(day, kind, target);
  }

  private void send(Handle handle, long chatId, String html, Priority priority, String key) {
    send(handle, chatId, html, priority, key, Optional.empty());
  }

  private void send(Handle handle, long chatId, String html, Priority priority, String key, Optional<Integer> topic) {
    var message = SendMessage.builder().chatId(chatId).text(html).parseMode(ParseMode.HTML).disableWebPagePreview(true);
    topic.ifPresent(message::messageThreadId);
    outbox.enqueue(handle, chatId, message.build(), priority, Optional.of(key));
  }

  /** The periods' checks: dates, times and groups. */
  public static final ConfigCheck CHECK = new SiagaCheck();

  @Override
  public List<ConfigCheck> checks() {
    return List.of(CHECK);
  }

  @Override
  public void start() {
    sweep.start(this::step);
  }

  /** Looks now rather than within the minute (tests, after moving the clock). */
  public void sweepNow() {
    sweep.wake();
  }

  @Override
  public Map<String, BooleanSupplier> loops() {
    return Map.of("masa-siaga", sweep::alive);
  }

  @Override
  public void close() {
    sweep.close();
  }
}
