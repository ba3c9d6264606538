package id.rakorbot.report;

import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.telegram.Photos;
import java.util.Optional;

/**
 * /lapor: one line ({@code /lapor tawuran siaga uraian #wilayah}), {@code /lapor nihil}, a photo with that
 * caption, or /lapor alone for the guided dialogue.
 */
final class LaporCommand implements Command {

  private final ReportService service;
  private final GuidedReport guided;

  LaporCommand(ReportService service, GuidedReport guided) {
    this.service = service;
    this.guided = guided;
  }

  @Override
  public String name() {
    return "lapor";
  }

  @Override
  public String description() {
    return "Kirim laporan situasi: /lapor kategori [tingkat] uraian";
  }

  /** Every refusal (not registered, bad format, unknown area, flood, nihil twice) comes before the first write. */
  @Override
  public boolean refusesBeforeWriting() {
    return true;
  }

  @Override
  public void handle(CommandContext context) {
    var config = context.config();
    long userId = context.user().getId();
    service.reporter(context.handle(), config, userId); // refuse the unregistered before anything else
    var origin = new ReportService.Origin(userId, context.message().getChatId(), context.group(), context.updateId());
    String arguments = context.arguments();
    if (arguments.isEmpty()) {
      guided.start(context);
      return;
    }
    var categories = new Categories(config.reports().categories());
    ReportService.Content content;
    if (arguments.toLowerCase(java.util.Locale.ROOT).startsWith("nihil")) {
      String rest = arguments.substring(5).strip();
      Optional<String> area = rest.startsWith("#") ? Optional.of(ReportRequest.area(rest.substring(1).split("\\s+")[0], config.reports().areas())) : Optional.empty();
      content = new ReportService.Content(ReportService.NIHIL, Severity.NORMAL, area, "Nihil", true, Optional.empty());
    } else {
      var request = ReportRequest.parse(arguments, categories, config.reports().areas());
      content = new ReportService.Content(request.category(), request.severity(), request.area(), request.description(), false, Photos.largest(context.message()));
    }
    context.reply(ReportTexts.recorded(service.submit(context.handle(), config, origin, content), content.category(), config.bot().zone()));
  }
}
