package id.rakorbot.report;

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
import org.jdbi.v3.core.Jdbi;

/** The reporting feature, wired: its commands, buttons, message handlers and the draft expiry loop. */
public final class Reporting implements AutoCloseable {

  private final ReportService service;
  private final GuidedReport guided;
  private final Registration registration;
  private final Locations locations;

  public Reporting(Jdbi jdbi, Groups groups, Outbox outbox, Clock clock) {
    this.service = new ReportService(groups, outbox, clock);
    this.guided = new GuidedReport(service, outbox, jdbi);
    this.registration = new Registration(service, outbox);
    this.locations = new Locations(service, outbox);
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

  public List<Command> commands() {
    return List.of(new LaporCommand(service, guided), new LaporankuCommand(service), new KoreksiCommand(service),
        new TutupCommand(service), registration);
  }

  public List<CallbackHandler> callbacks() {
    return List.of(guided, registration);
  }

  public List<MessageHandler> messageHandlers() {
    return List.of(guided, locations);
  }

  /** Whether the draft-expiry loop runs. */
  public boolean alive() {
    return guided.expiryAlive();
  }

  public void start() {
    guided.startExpiry();
  }

  @Override
  public void close() {
    guided.close();
  }
}
