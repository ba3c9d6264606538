package id.rakorbot.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole configuration, as bound from {@code config/rakorbot.yaml}.
 *
 * @param source the file it was read from (for messages that name it)
 * @param holidays national holidays and cuti bersama, yyyy-mm-dd; schedules skip or shift around them
 * @param schedules the forums' schedules, checked and interpreted by the schedule feature
 * @param reports categories, areas and destinations of /lapor reports
 * @param digest when the weekly digest goes out and what counts as a hotspot
 * @param periods masa siaga: heightened periods with daily reporting
 * @param peringatanDini early-warning rules over the incoming reports
 * @param followUps who may own an arahan besides roster members, and where overdue ones are listed
 * @param dashboard the read-only web dashboard for the leadership
 * @param dataProtection how long what the bot stores is kept
 * @param derived what features work out from this config, once (not read from the file)
 */
public record RakorbotConfig(
    @JsonIgnore Path source,
    BotSettings bot,
    TelegramSettings telegram,
    DatabaseSettings database,
    List<GroupConfig> groups,
    List<Official> roster,
    List<String> holidays,
    List<ScheduleConfig> schedules,
    ReportsConfig reports,
    DigestConfig digest,
    HttpSettings http,
    FollowUpsConfig followUps,
    List<WarningRule> peringatanDini,
    List<SiagaPeriod> periods,
    DashboardSettings dashboard,
    DataProtection dataProtection,
    @JsonIgnore Derived derived) {

  public RakorbotConfig {
    bot = bot == null ? BotSettings.defaults() : bot;
    telegram = telegram == null ? TelegramSettings.defaults() : telegram;
    database = database == null ? DatabaseSettings.defaults() : database;
    groups = groups == null ? List.of() : List.copyOf(groups);
    roster = roster == null ? List.of() : List.copyOf(roster);
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    schedules = schedules == null ? List.of() : List.copyOf(schedules);
    reports = reports == null ? ReportsConfig.defaults() : reports;
    digest = digest == null ? DigestConfig.defaults() : digest;
    http = http == null ? HttpSettings.defaults() : http;
    followUps = followUps == null ? FollowUpsConfig.defaults() : followUps;
    peringatanDini = peringatanDini == null ? List.of() : List.copyOf(peringatanDini);
    periods = periods == null ? List.of() : List.copyOf(periods);
    dashboard = dashboard == null ? DashboardSettings.defaults() : dashboard;
    dataProtection = dataProtection == null ? DataProtection.defaults() : dataProtection;
    derived = derived == null ? new Derived() : derived;
  }

  public Optional<GroupConfig> groupByChatId(long chatId) {
    return groups.stream().filter(g -> g.chatId() == chatId).findFirst();
  }

  public Optional<GroupConfig> groupById(String id) {
    return groups.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  public Optional<Official> official(long userId) {
    return roster.stream().filter(o -> o.userId() == userId).findFirst();
  }

  /** The masa siaga that covers {@code day}, if any (the first, when periods overlap). */
  public java.util.Optional<SiagaPeriod> periodOn(java.time.LocalDate day) {
    return periods.stream().filter(p -> p.covers(day)).findFirst();
  }

  public List<Official> admins() {
    return roster.stream().filter(o -> o.has(Role.ADMIN)).toList();
  }

  RakorbotConfig withSource(Path path) {
    return new RakorbotConfig(path, bot, telegram, database, groups, roster, holidays, schedules, reports, digest, http, followUps, peringatanDini, periods, dashboard,
        dataProtection, new Derived());
  }
}
