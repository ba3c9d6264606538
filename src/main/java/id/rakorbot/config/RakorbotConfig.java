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
 * @param people everyone on the roster, bound to a Telegram account or not: the YAML list, or the rows of the
 *     spreadsheet that {@code roster: {file: ...}} names
 * @param rosterFile that spreadsheet, when the roster is one (its rows are checked by {@link RosterSheet})
 * @param dataProtection how long what the bot stores is kept
 * @param response who takes alerts in hand, and the escalation ladder while nobody does
 * @param derived what features work out from this config, once (not read from the file)
 */
public record RakorbotConfig(
    @JsonIgnore Path source,
    BotSettings bot,
    TelegramSettings telegram,
    DatabaseSettings database,
    List<GroupConfig> groups,
    @com.fasterxml.jackson.annotation.JsonProperty("roster") List<Official> people,
    @JsonIgnore Path rosterFile,
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
    ResponseConfig response,
    @JsonIgnore Derived derived) {

  public RakorbotConfig {
    bot = bot == null ? BotSettings.defaults() : bot;
    telegram = telegram == null ? TelegramSettings.defaults() : telegram;
    database = database == null ? DatabaseSettings.defaults() : database;
    groups = groups == null ? List.of() : List.copyOf(groups);
    people = people == null ? List.of() : people.stream().filter(java.util.Objects::nonNull).toList();
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
    response = response == null ? ResponseConfig.defaults() : response;
    derived = derived == null ? new Derived() : derived;
  }

  /** A group by the chat id written in the file (a group bound by an admin's tap is found through {@code Groups}). */
  public Optional<GroupConfig> groupByChatId(long chatId) {
    return groups.stream().filter(g -> g.chatId() != null && g.chatId() == chatId).findFirst();
  }

  public Optional<GroupConfig> groupById(String id) {
    return groups.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  /** The people bound to a Telegram account: the only ones the bot can write to, mention, or let in. */
  public List<Official> roster() {
    return derived.get(BoundRoster.class, () -> new BoundRoster(people)).members();
  }

  public Optional<Official> official(long userId) {
    return Optional.ofNullable(derived.get(BoundRoster.class, () -> new BoundRoster(people)).byUser().get(userId));
  }

  /** The people of the YAML roster, whose mistakes the checks locate in the YAML; none when the roster is a spreadsheet. */
  public List<Official> yamlRoster() {
    return rosterFile == null ? people : List.of();
  }

  /** This config with the accounts bound in the database filled in ({@code Official.key()} to user id); a user_id in the file wins. */
  public RakorbotConfig withBindings(java.util.Map<String, Long> bindings) {
    if (bindings.isEmpty()) {
      return this;
    }
    java.util.Set<Long> declared = people.stream().map(Official::userId).filter(java.util.Objects::nonNull)
        .collect(java.util.stream.Collectors.toSet());
    List<Official> bound = people.stream().map(o -> {
      Long user = o.bound() ? null : bindings.get(o.key());
      return user == null || declared.contains(user) ? o : o.boundTo(user);
    }).toList();
    return new RakorbotConfig(source, bot, telegram, database, groups, bound, rosterFile, holidays, schedules, reports, digest, http,
        followUps, peringatanDini, periods, dashboard, dataProtection, response, new Derived());
  }

  RakorbotConfig withRoster(List<Official> rows, Path file) {
    return new RakorbotConfig(source, bot, telegram, database, groups, rows, file, holidays, schedules, reports, digest, http,
        followUps, peringatanDini, periods, dashboard, dataProtection, response, new Derived());
  }

  private record BoundRoster(List<Official> members, java.util.Map<Long, Official> byUser) {
    BoundRoster(List<Official> people) {
      this(people.stream().filter(Official::bound).toList(), byUser(people));
    }

    private static java.util.Map<Long, Official> byUser(List<Official> people) {
      java.util.Map<Long, Official> index = new java.util.HashMap<>();
      people.stream().filter(Official::bound).forEach(o -> index.putIfAbsent(o.userId(), o));
      return index;
    }
  }

  /** The masa siaga that covers {@code day}, if any (the first, when periods overlap). */
  public java.util.Optional<SiagaPeriod> periodOn(java.time.LocalDate day) {
    return periods.stream().filter(p -> p.covers(day)).findFirst();
  }

  public List<Official> admins() {
    return roster().stream().filter(o -> o.has(Role.ADMIN)).toList();
  }

  RakorbotConfig withSource(Path path) {
    return new RakorbotConfig(path, bot, telegram, database, groups, people, rosterFile, holidays, schedules, reports, digest, http, followUps, peringatanDini, periods, dashboard,
        dataProtection, response, new Derived());
  }
}
