package id.rakorbot.warning;

import id.rakorbot.background.Loop;
import id.rakorbot.config.ConfigCheck;
import id.rakorbot.report.ReportDao;
import id.rakorbot.report.ReportQuery;
import id.rakorbot.response.AlertDesk;
import id.rakorbot.feature.Feature;
import java.util.function.BooleanSupplier;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.WarningRule;
import id.rakorbot.report.ReportCounts;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.Groups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Evaluates the early-warning rules: count rules in the transaction that stores each report (one cheap check
 * per matching rule; the count itself only while no alert of that rule and scope is running), trend rules
 * on a timer. An alert is raised under a lock on its scope, so two instances or lanes never raise it twice.
 */
public final class Warnings implements Feature {

  private static final Logger log = LoggerFactory.getLogger(Warnings.class);
  private static final Duration TREND_WINDOW = Duration.ofDays(7);

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final Groups groups;
  private final Outbox outbox;
  private final Clock clock;
  private final AlertDesk desk;
  private final Loop trends = new Loop("early-warning");
  /**
   * When the alert of a rule and place raised last ends its window ("rule|scope" to window end): known
   * alerts only ever start and run out, never vanish, so a burst of reports about one place asks the
   * database once, not once per report.
   */
  private final Map<String, Instant> raised = new ConcurrentHashMap<>();

  public Warnings(Jdbi jdbi, CurrentConfig config, Groups groups, Outbox outbox, Clock clock, AlertDesk desk) {
    this.jdbi = jdbi;
    this.desk = desk;
    desk.closeWith("warning", (handle, number, by, outcome, at) -> EarlyWarnings.byNumber(handle, number)
        .ifPresent(w -> EarlyWarnings.close(handle, w.id(), by, outcome, at)));
    this.config = config;
    this.groups = groups;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The rules' checks: categories, levels, scopes and thresholds. */
  public static final ConfigCheck CHECK = new WarningCheck();

  @Override
  public List<ConfigCheck> checks() {
    return List.of(CHECK);
  }

  @Override
  public List<Command> commands() {
    return List.of(new PeringatanCommand(clock, desk));
  }

  /** After a report is stored, in its transaction: the count rules over its category. */
  public void reported(Handle handle, RakorbotConfig current, String category, Optional<String> area, Instant at) {
    for (WarningRule rule : current.peringatanDini()) {
      if (rule.isTrend()) {
        continue;
      }
      List<String> categories = rule.categoryKeys(current.reports());
      if (!categories.contains(category)) {
        continue;
      }
      boolean perArea = rule.counted() == WarningRule.Scope.WILAYAH;
      boolean perRegion = rule.counted() == WarningRule.Scope.REGION;
      Optional<String> region = perRegion ? area.flatMap(current.reports()::regionOf) : Optional.empty();
      if (perArea && area.isEmpty() || perRegion && region.isEmpty()) {
        continue;
      }
      String scope = perArea ? "wilayah:" + area.get() : perRegion ? "region:" + region.get() : "semua";
      if (raisedUntil(handle, rule.id(), scope, at)) {
        continue; // this rule already spoke for this place in this window
      }
      Duration window = Duration.ofHours(rule.withinHours());
      List<String> areas = perArea ? List.of(area.get()) : perRegion ? current.reports().areasOf(region.get()) : List.of();
      List<WarningTexts.Hit> hits = hits(handle, windowEndingAt(at, window).inCategories(categories).inAreas(areas), rule.minReports());
      if (hits.size() < rule.minReports()) {
        continue;
      }
      String why = hits.size() + " laporan " + String.join("/", categories) + " di " + (perArea ? area.get() : perRegion ? region.get() : "seluruh wilayah")
          + " dalam " + rule.withinHours() + " jam.";
      raise(handle, current, rule, scope, categories, hits.reversed(), why, at, at.plus(window));
    }
  }

  /** The trend rules, for every category they name: the last 7 days against the weekly average of the 4 weeks before. */
  void checkTrends() {
    RakorbotConfig current = config.get();
    Instant now = clock.instant();
    var zone = current.bot().zone();
    for (WarningRule rule : current.peringatanDini()) {
      if (!rule.isTrend()) {
        continue;
      }
      for (String category : rule.categoryKeys(current.reports())) {
        jdbi.useTransaction(handle -> {
          String scope = "kategori:" + category;
          if (EarlyWarnings.raised(handle, rule.id(), scope, now)) {
            return;
          }
          long week = ReportCounts.byCategory(handle, now.minus(TREND_WINDOW), now, zone, now).getOrDefault(category, 0L);
          long before = ReportCounts.byCategory(handle, now.minus(TREND_WINDOW.multipliedBy(5)), now.minus(TREND_WINDOW), zone, now)
              .getOrDefault(category, 0L);
          double average = before / 4.0;
          int minimum = rule.trend().minReports() == null ? 1 : rule.trend().minReports();
          if (week < minimum || week < rule.trend().factor() * average) {
            return;
          }
          List<WarningTexts.Hit> hits = hits(handle, windowEndingAt(now, TREND_WINDOW).inCategories(List.of(category)), 10);
          String why = String.format(Locale.ROOT, "%d laporan %s dalam 7 hari, %s× rata-rata 4 pekan sebelumnya (%s per pekan).", week, category,
              decimal(average == 0 ? week : week / average), decimal(average));
          raise(handle, current, rule, scope, List.of(category), hits.reversed(), why, now, now.plus(TREND_WINDOW));
        });
      }
    }
  }

  /** The real reports of the {@code window} up to and including {@code at} (a report at that very moment counts). */
  private static ReportQuery windowEndingAt(Instant at, Duration window) {
    Duration microsecond = Duration.ofNanos(1_000); // PostgreSQL keeps microseconds: (since, at] is [since + 1 µs, at + 1 µs)
    return ReportQuery.between(at.minus(window).plus(microsecond), at.plus(microsecond));
  }

  /** The newest {@code limit} reports of a query, as alerts list them. */
  private static List<WarningTexts.Hit> hits(Handle handle, ReportQuery query, int limit) {
    return handle.attach(ReportDao.class).newest(query, limit).stream()
        .map(r -> new WarningTexts.Hit(r.number(), r.createdAt(), r.area().orElse(null))).toList();
  }

  /** Whether the rule's alert for the place still runs at {@code at}: from memory, else from the database. */
  private boolean raisedUntil(Handle handle, String ruleId, String scope, Instant at) {
    String key = ruleId + "|" + scope;
    Instant known = raised.get(key);
    if (known != null && known.isAfter(at)) {
      return true;
    }
    Optional<Instant> end = EarlyWarnings.windowEnd(handle, ruleId, scope, at);
    end.ifPresent(e -> raised.put(key, e));
    return end.isPresent();
  }

  private void raise(Handle handle, RakorbotConfig current, WarningRule rule, String scope, List<String> categories,
      List<WarningTexts.Hit> hits, String why, Instant at, Instant windowEnd) {
    EarlyWarnings.lock(handle, scope);
    if (EarlyWarnings.raised(handle, rule.id(), scope, at)) {
      return; // raised meanwhile by another lane or instance
    }
    WarningRule.Level level = rule.severity();
    List<EarlyWarning> active = EarlyWarnings.active(handle, scope, categories, at);
    if (active.stream().anyMatch(a -> rankOf(a).compareTo(level) >= 0)) {
      return; // a running alert of this place already says as much or more
    }
    EarlyWarning warning = EarlyWarnings.insert(handle, rule.id(), rule.name() == null ? rule.id() : rule.name(), level.key(), scope,
        categories, hits.stream().map(WarningTexts.Hit::number).toList(), at, windowEnd, at.atZone(current.bot().zone()).getYear());
    Optional<EarlyWarning> escalated = active.stream().max(java.util.Comparator.comparing(Warnings::rankOf));
    active.forEach(a -> EarlyWarnings.escalate(handle, a.id(), warning.id()));
    String text = WarningTexts.alert(warning, why, hits, escalated, current.bot().zone());
    desk.raise(handle, current, new AlertDesk.NewAlert(warning.number(), "warning", level.key(),
        scope.startsWith("wilayah:") ? Optional.of(scope.substring("wilayah:".length())) : Optional.empty(), text,
        level.key().toUpperCase(Locale.ROOT) + " · " + why, Optional.empty(), current.reports().alertGroups(), "pd:" + warning.number() + ":"));
    log.info("Early warning {} ({} {}) raised for {}", warning.number(), rule.id(), rule.level(), scope);
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value).replace('.', ',');
  }

  /** Starts the trend check: every 10 minutes (it is cheap: daily sums). */
  @Override
  public void start() {
    trends.start(() -> {
      checkTrends();
      return Duration.ofMinutes(10);
    });
  }

  @Override
  public Map<String, BooleanSupplier> loops() {
    return Map.of("early-warning", trends::alive);
  }

  /** Runs the trend check now (tests, after moving the clock). */
  public void checkNow() {
    trends.wake();
  }

  @Override
  public void close() {
    trends.close();
  }

  /** An alert's level as stored; the table admits only the three. */
  private static WarningRule.Level rankOf(EarlyWarning warning) {
    return WarningRule.Level.of(warning.level()).orElseThrow();
  }
}
