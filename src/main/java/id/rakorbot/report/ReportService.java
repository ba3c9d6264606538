package id.rakorbot.report;

import id.rakorbot.ops.BotMetrics;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.ReportsConfig;
import id.rakorbot.config.ReportsConfig.Category;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.report.Reporters.Reporter;
import id.rakorbot.response.AlertDesk;
import id.rakorbot.telegram.Groups;
import id.rakorbot.error.UserMistake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/** Storing a report, whichever form it came in, and passing it on to the groups that must see it. */
final class ReportService {

  /** Where a report was sent from; {@code updateId} is null for a guided report (its draft is the once-only key). */
  record Origin(long userId, long chatId, Optional<GroupConfig> group, Long updateId) {}

  /** What a report says. */
  record Content(Category category, Severity severity, Optional<String> area, String description, boolean nihil,
      Optional<String> photo) {}

  /** Copies of private reports to the leadership group: merged into one message while many wait. */
  static final String COPY_MERGE_KEY = "report-copy";

  static final Category NIHIL = new Category("nihil", "Nihil", "Nihil", List.of());

  private final Groups groups;
  private final Outbox outbox;
  private final Clock clock;
  private final BotMetrics metrics;
  private final AlertDesk desk;
  private volatile ReportListener listener = ReportListener.NONE;

  ReportService(Groups groups, Outbox outbox, Clock clock, BotMetrics metrics, AlertDesk desk) {
    this.metrics = metrics;
    this.desk = desk;
    this.groups = groups;
    this.outbox = outbox;
    this.clock = clock;
  }

  AlertDesk desk() {
    return desk;
  }

  Clock clock() {
    return clock;
  }

  void listenWith(ReportListener listener) {
    this.listener = listener;
  }

  /** The reporter, or a refusal that says how to register. */
  Reporter reporter(Handle handle, RakorbotConfig config, long userId) {
    return Reporters.find(handle, config, userId).orElseThrow(() -> new UserMistake(ReportTexts.notRegistered(userId)));
  }

  /** A stored report, and the nihil reports of its area that day which it superseded. */
  record Submitted(Report report, List<String> supersededNihil) {}

  Submitted submit(Handle handle, RakorbotConfig config, Origin origin, Content content) {
    Reporter reporter = reporter(handle, config, origin.userId());
    ReportsConfig settings = config.reports();
    Instant now = clock.instant();
    Optional<String> area = content.area().or(reporter::wilayah);
    var zone = config.bot().zone();
    if (content.nihil()) {
      String where = area.orElseThrow(() -> new UserMistake(ReportTexts.noArea()));
      Optional<Report> already = Reports.nihilOn(handle, reporter.userId(), where, now.atZone(zone).toLocalDate(), zone);
      if (already.isPresent()) {
        throw new UserMistake(ReportTexts.nihilAlready(already.get()));
      }
    }
    var flood = new Reports.Flood(now.minus(Duration.ofMinutes(settings.floodMinutes())), settings.floodMax());
    Optional<Report> inserted = Reports.insert(handle, new Reports.NewReport(reporter.userId(), reporter.name(), origin.chatId(),
        content.category().key(), content.severity(), area, content.description(), content.nihil(), content.photo(),
        origin.updateId()), now, zone, flood);
    if (inserted.isEmpty()) {
      Optional<Report> stored = origin.updateId() == null ? Optional.empty() : Reports.byUpdate(handle, origin.updateId());
      if (stored.isPresent()) {
        return new Submitted(stored.get(), List.of()); // the same update again: it was stored once already
      }
      throw new UserMistake(ReportTexts.flood(settings.floodMax(), settings.floodMinutes()));
    }
    Report report = inserted.get();
    handle.afterCommit(() -> metrics.report(report.category(), report.severity().key()));
    List<String> superseded = report.nihil() || area.isEmpty() ? List.of()
        : Reports.supersedeNihil(handle, area.get(), now.atZone(zone).toLocalDate(), zone, report.id());
    passOn(handle, config, origin, report, content.category(), reporter);
    if (!report.nihil()) {
      listener.stored(handle, config, report.category(), report.area(), report.createdAt());
    }
    return new Submitted(report, superseded);
  }

  /** Private reports to the group that watches them; siaga and awas to the alert groups at once. */
  private void passOn(Handle handle, RakorbotConfig config, Origin origin, Report report, Category category, Reporter reporter) {
    if (report.nihil()) {
      return;
    }
    ReportsConfig settings = config.reports();
    Optional<String> from = origin.group().map(GroupConfig::id);
    if (report.severity().alarming()) {
      List<String> alertGroups = settings.alertGroups().stream().filter(g -> from.filter(g::equals).isEmpty()).toList();
      String summary = report.severity().key().toUpperCase(java.util.Locale.ROOT) + " · " + category.label()
          + report.area().map(a -> " · " + a).orElse("");
      desk.raise(handle, config, new AlertDesk.NewAlert(report.number(), "report", report.severity().key(), report.area(),
          ReportTexts.alert(report, category, reporter.jabatan()), summary, Optional.of(reporter.userId()),
          alertGroups, "alert:" + report.number() + ":"));
    }
    String visibility = settings.privateReportsTo();
    if (from.isPresent() || visibility == null) {
      return;
    }
    boolean alertedThere = report.severity().alarming() && settings.alertGroups().contains(visibility);
    if (!alertedThere) {
      groups.reachable(handle, visibility).ifPresent(group -> outbox.enqueueMergeable(handle, groups.chatIdOf(handle, group),
          message(handle, group, ReportTexts.posted(report, category, reporter.jabatan())), Priority.BULK,
          Optional.of("report:" + report.number() + ":" + visibility), COPY_MERGE_KEY, ReportTexts.copyLine(report, category)));
    }
  }

  void postToAdmins(Handle handle, RakorbotConfig config, String html) {
    config.admins().forEach(admin -> outbox.enqueue(handle, admin.userId(),
        SendMessage.builder().chatId(admin.userId()).text(html).parseMode(ParseMode.HTML).build(), Priority.BULK));
  }

  private SendMessage message(Handle handle, GroupConfig group, String html) {
    var message = SendMessage.builder().chatId(groups.chatIdOf(handle, group)).text(html).parseMode(ParseMode.HTML)
        .disableWebPagePreview(true);
    group.topic().ifPresent(message::messageThreadId);
    return message.build();
  }
}
