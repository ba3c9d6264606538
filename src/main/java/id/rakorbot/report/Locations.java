package id.rakorbot.report;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.MessageHandler;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** A location shared by a reporter after a report: attached to their latest report of the last half hour. */
final class Locations implements MessageHandler {

  static final Duration RECENT = Duration.ofMinutes(30);

  private final ReportService service;
  private final Outbox outbox;

  Locations(ReportService service, Outbox outbox) {
    this.service = service;
    this.outbox = outbox;
  }

  @Override
  public boolean handle(Handle handle, Message message, RakorbotConfig config) {
    if (!message.hasLocation() || Reporters.find(handle, config, message.getFrom().getId()).isEmpty()) {
      return false;
    }
    var located = Reports.locate(handle, message.getFrom().getId(), message.getLocation().getLatitude(),
        message.getLocation().getLongitude(), service.clock().instant().minus(RECENT));
    String text = located.map(ReportTexts::located)
        .orElse("Lokasi diterima, tetapi tidak ada laporan Bapak/Ibu dalam 30 menit terakhir untuk dilengkapi."
            + " Kirim /lapor lebih dulu, lalu bagikan lokasi.");
    var reply = SendMessage.builder().chatId(message.getChatId()).text(text).parseMode(ParseMode.HTML);
    if (message.isTopicMessage() && message.getMessageThreadId() != null) {
      reply.messageThreadId(message.getMessageThreadId());
    }
    outbox.enqueue(handle, message.getChatId(), reply.build(), Priority.REPLY);
    return true;
  }
}
