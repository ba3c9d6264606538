package id.rakorbot.followup;

import id.rakorbot.config.ClockTime;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.FollowUpsConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.Role;
import id.rakorbot.outbox.Priority;
import id.rakorbot.schedule.IndonesianTime;
import id.rakorbot.telegram.Groups;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a minute: the owners' reminders (H-3, H-1, the first overdue day) from the configured hour, and the
 * weekly list of overdue items to the leadership groups. Every message is claimed in the database in the
 * transaction that queues it, so several instances and restarts send each once.
 */
final class FollowUpSweep {

  private static final Logger log = LoggerFactory.getLogger(FollowUpSweep.class);

  /** Reminder codes and their windows in days before the deadline (inclusive). */
  private record Window(String code, int from, int to) {}

  private static final List<Window> WINDOWS = List.of(new Window("h3", 3, 2), new Window("h1", 1, 0),
      new Window("overdue", -1, -36_500));

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final FollowUpService service;
  private final Groups groups;
  private final String startLink;

  FollowUpSweep(Jdbi jdbi, CurrentConfig config, FollowUpService service, Groups groups, String startLink) {
    this.jdbi = jdbi;
    this.config = config;
    this.service = service;
    this.groups = groups;
    this.startLink = startLink;
  }

  Duration run() {
    RakorbotConfig current = config.get();
    ZoneId zone = current.bot().zone();
    ZonedDateTime now = service.clock().instant().atZone(zone);
    FollowUpsConfig settings = current.followUps();
    if (!now.toLocalTime().isBefore(ClockTime.of(settings.remindAt()))) {
      jdbi.useTransaction(handle -> remind(handle, current, now));
      Optional.ofNullable(settings.escalateAfter()).flatMap(span -> span.duration()).ifPresent(after ->
          jdbi.useTransaction(handle -> escalate(handle, current, now.toLocalDate(), Math.max(1, after.toDays()))));
    }
    LocalDate monday = now.toLocalDate().with(java.time.DayOfWeek.MONDAY);
    LocalDate listDay = IndonesianTime.parseDay(settings.overdueWeekday()).map(day -> monday.plusDays(day.getValue() - 1)).orElse(monday);
    if (!now.isBefore(listDay.atTime(ClockTime.of(settings.overdueTime())).atZone(zone))) {
      String week = monday.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "-W"
          + String.format(java.util.Locale.ROOT, "%02d", monday.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      jdbi.useTransaction(handle -> weeklyList(handle, current, week, now.toLocalDate()));
    }
    return Duration.ofMinutes(1);
  }

  private void remind(Handle handle, RakorbotConfig current, ZonedDateTime now) {
    LocalDate today = now.toLocalDate();
    Instant startOfToday = today.atStartOfDay(now.getZone()).toInstant();
    for (Window window : WINDOWS) {
      for (FollowUp item : FollowUps.claimReminders(handle, window.code(), today, window.from(), window.to(), startOfToday)) {
        service.tellOwner(handle, current, item, FollowUpTexts.reminder(item, today),
            FollowUpService.mention(current, item.owner()) + "\n" + FollowUpTexts.reminder(item, today) + "\n"
                + FollowUpTexts.openPrivateChat(startLink),
            "tl:" + item.number() + ":" + window.code() + ":" + item.dueOn());
        log.info("Follow-up {} reminder {} queued", item.number(), window.code());
      }
    }
  }

  /**
   * An arahan overdue by {@code days} goes to the owner's atasan (a unit's head), by twice that to the pimpinan:
   * each step claimed in the database in the transaction that queues it, so it goes once.
   */
  private void escalate(Handle handle, RakorbotConfig current, LocalDate today, long days) {
    for (FollowUp item : FollowUps.open(handle)) {
      long late = java.time.temporal.ChronoUnit.DAYS.between(item.dueOn(), today);
      if (late >= days) {
        List<Official> atasan = superiors(current, item.owner());
        if (!atasan.isEmpty() && FollowUps.claimEscalation(handle, item.id(), "atasan", service.clock().instant())) {
          atasan.forEach(person -> service.toChat(handle, person.userId(), FollowUpTexts.escalated(item, today, item.owner().name(), false),
              Priority.SCHEDULED, Optional.of("tl-esc:" + item.number() + ":atasan:" + person.userId())));
          log.info("Follow-up {} escalated to the atasan", item.number());
        }
      }
      if (late >= 2 * days) {
        List<Official> leaders = current.roster().stream().filter(o -> o.has(Role.PIMPINAN)).toList();
        if (!leaders.isEmpty() && FollowUps.claimEscalation(handle, item.id(), "pimpinan", service.clock().instant())) {
          leaders.forEach(person -> service.toChat(handle, person.userId(), FollowUpTexts.escalated(item, today, item.owner().name(), true),
              Priority.SCHEDULED, Optional.of("tl-esc:" + item.number() + ":pimpinan:" + person.userId())));
          log.info("Follow-up {} escalated to the pimpinan", item.number());
        }
      }
    }
  }

  /** The owner's atasan on the roster; for a unit, its head. Only people with an account. */
  static List<Official> superiors(RakorbotConfig config, Owner owner) {
    Optional<String> reference = owner.userId().flatMap(config::official).map(Official::atasan)
        .or(() -> owner.unit().flatMap(key -> config.followUps().unit(key)).map(FollowUpsConfig.Unit::head));
    return reference.flatMap(ref -> config.roster().stream().filter(o -> o.isNamedBy(ref)).findFirst()).stream().toList();
  }

  private void weeklyList(Handle handle, RakorbotConfig current, String week, LocalDate today) {
    List<FollowUp> overdue = FollowUps.open(handle).stream().filter(item -> item.overdue(today)).toList();
    if (overdue.isEmpty()) {
      return;
    }
    for (String groupId : current.followUps().overdueGroups(current.reports())) {
      var group = groups.reachable(handle, groupId);
      if (group.isPresent() && FollowUps.claimWeeklyList(handle, week, groupId)) {
        service.toChat(handle, groups.chatIdOf(handle, group.get()), FollowUpTexts.weeklyOverdue(overdue, today), Priority.SCHEDULED,
            Optional.of("tl-weekly:" + week + ":" + groupId));
      }
    }
  }
}
