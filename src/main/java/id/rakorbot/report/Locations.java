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
import org.telegram.telegrambots.meta.api.objects.location.Location;

/** A location shared by a reporter after a report: attached to their latest report of the last half hour. */
final class Locations implements MessageHandler {

  static final Duration RECENT = Duration.ofMinutes(30);

  private final ReportService service;
  private final Outbox outbox;

  static final String IMPLAUSIBLE = "Lokasi tidak dapat dipakai: lintang harus antara -90 dan 90, bujur antara -180"
      + " dan 180. Bagikan lokasi lewat tombol 📎 → Lokasi di Telegram.";

  Locations(ReportService service, Outbox outbox) {
    this.service = service;
    this.outbox = outbox;
  }

  @Override
  public boolean handle(Handle handle, Message message, RakorbotConfig config) {
    if (!message.hasLocation() || Reporters.find(handle, config, message.getFrom().getId()).isEmpty()) {
      return false;
    }
    String text = plausible(message.getLocation())
        ? locate(handle, message, message.getLocation().getLatitude(), message.getLocation().getLongitude())
        : IMPLAUSIBLE;
    var reply = SendMessage.builder().chatId(message.getChatId()).text(text).parseMode(ParseMode.HTML);
    if (message.isTopicMessage() && message.getMessageThreadId() != null) {
      reply.messageThreadId(message.getMessageThreadId());
    }
    outbox.enqueue(handle, message.getChatId(), reply.build(), Priority.REPLY);
    return true;
  }

  /** Telegram's own clients send only real coordinates; a forged or broken update may not. */
  static boolean plausible(Location location) {
    Double latitude = location.getLatitude();
    Double longitude = location.getLongitude();
    return latitude != null && longitude != null && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
  }

  private String locate(Handle handle, Message message, double latitude, double longitude) {
    return Reports.locate(handle, message.getFrom().getId(), latitude, longitude, service.clock().instant().minus(RECENT))
        .map(ReportTexts::located)
        .orElse("Lokasi diterima, tetapi tidak ada laporan Bapak/Ibu dalam 30 menit terakhir untuk dilengkapi."
            + " Kirim /lapor lebih dulu, lalu bagikan lokasi.");
  }
}
