package id.rakorbot.report;

import id.rakorbot.config.ConfigCheck;
import id.rakorbot.feature.Feature;
import id.rakorbot.outbox.Merger;
import id.rakorbot.outbox.Outbox;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import id.rakorbot.telegram.CallbackHandler;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.MessageHandler;
import id.rakorbot.telegram.Groups;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/** The reporting feature, wired: its commands, buttons, message handlers and the draft expiry loop. */
public final class Reporting implements Feature {

  private final ReportService service;
  private final GuidedReport guided;
  private final DraftExpiry expiry;
  private final Registration registration;
  private final Locations locations;
  private final FormIntake forms;

  public Reporting(Jdbi jdbi, Groups groups, Outbox outbox, Clock clock, id.rakorbot.ops.BotMetrics metrics,
      id.rakorbot.response.AlertDesk desk) {
    this.service = new ReportService(groups, outbox, clock, metrics, desk);
    desk.closeWith("report", (handle, number, by, outcome, at) -> Reports.byNumber(handle, number)
        .ifPresent(report -> Reports.close(handle, report.id(), by, outcome, at)));
    var draftMessages = new DraftMessages(outbox);
    this.guided = new GuidedReport(service, draftMessages);
    this.expiry = new DraftExpiry(jdbi, draftMessages, clock);
    this.registration = new Registration(service, outbox);
    this.locations = new Locations(service, outbox);
    this.forms = new FormIntake(service, outbox, groups);
  }

  /** Reports from the Mini App's form, through the same service. */
  public FormIntake forms() {
    return forms;
  }

  /** The merge key of copies of private reports; see {@link #copyMerger}. */
  public static final String COPY_MERGE_KEY = ReportService.COPY_MERGE_KEY;

  /** Many copies of private reports waiting for the leadership group become one message. */
  public Merger copyMerger() {
    return (first, lines) -> SendMessage.builder().chatId(first.getChatId()).messageThreadId(first.getMessageThreadId())
        .parseMode(ParseMode.HTML).disableWebPagePreview(true).text(ReportTexts.copies(lines)).build();
  }

  /** Who looks at each stored report (the early warnings); set before the bot starts. */
  public void listenWith(ReportListener listener) {
    service.listenWith(listener);
  }

  @Override
  public List<Command> commands() {
    return List.of(new LaporCommand(service, guided), new LaporankuCommand(service), new KoreksiCommand(service),
        new TutupCommand(service), new TahanCommand(service), registration);
  }

  @Override
  public List<CallbackHandler> callbacks() {
    return List.of(guided, registration);
  }

  @Override
  public List<MessageHandler> messageHandlers() {
    return List.of(guided, locations);
  }

  @Override
  public Map<String, BooleanSupplier> loops() {
    return Map.of("report-drafts", expiry::alive);
  }

  @Override
  public List<ConfigCheck> checks() {
    return List.of(CHECK);
  }

  /** The reports section: categories, areas, regions and where reports go. */
  public static final ConfigCheck CHECK = new ReportCheck();

  @Override
  public void start() {
    expiry.start();
  }

  @Override
  public void close() {
    expiry.close();
  }
}
