package id.rakorbot.report;

import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.background.Worker;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.ReportsConfig.Category;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.CallbackContext;
import id.rakorbot.telegram.CallbackHandler;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.telegram.MessageHandler;
import id.rakorbot.telegram.UserMistake;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ForceReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * /lapor step by step for those who prefer buttons: category, severity, description, then an optional
 * photo and location, then Kirim or Batal. The draft lives in PostgreSQL (it survives a restart) and is
 * dropped, with a message, after {@link #EXPIRY} without an answer.
 */
final class GuidedReport implements CallbackHandler, MessageHandler, AutoCloseable {

  static final Duration EXPIRY = Duration.ofMinutes(30);
  static final String PREFIX = "l1";

  private record Draft(long userId, long chatId, Integer topic, String step, String category, String severity,
      String description, String photo, Double latitude, Double longitude) {}

  private final ReportService service;
  private final Outbox outbox;
  private final Jdbi jdbi;
  private Worker expiry;

  GuidedReport(ReportService service, Outbox outbox, Jdbi jdbi) {
    this.service = service;
    this.outbox = outbox;
    this.jdbi = jdbi;
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  void start(CommandContext context) {
    Integer topic = context.message().isTopicMessage() ? context.message().getMessageThreadId() : null;
    context.handle().createUpdate("""
            INSERT INTO report_draft (user_id, chat_id, topic_id, step, updated_at) VALUES (:user, :chat, :topic, 'category', :now)
            ON CONFLICT (user_id) DO UPDATE SET chat_id = :chat, topic_id = :topic, step = 'category', category = NULL,
                severity = NULL, description = NULL, photo_file_id = NULL, latitude = NULL, longitude = NULL, updated_at = :now""")
        .bind("user", context.user().getId()).bind("chat", context.message().getChatId()).bind("topic", topic)
        .bind("now", service.clock().instant()).execute();
    List<InlineKeyboardButton> buttons = context.config().reports().categories().stream()
        .map(c -> button(c.label(), "c:" + c.key())).toList();
    send(context.handle(), context.message().getChatId(), topic, "📝 <b>Laporan baru</b> — langkah 1 dari 4: pilih kategori.",
        keyboard(buttons, 3));
  }

  @Override
  public void handle(CallbackContext context) {
    Optional<Draft> draft = draft(context.handle(), context.userId());
    if (draft.isEmpty() || draft.get().chatId() != context.chatId()) {
      context.answer("Tidak ada laporan yang sedang Bapak/Ibu isi di sini. Ketik /lapor untuk memulai.", true);
      return;
    }
    Draft d = draft.get();
    String data = context.data();
    RakorbotConfig config = context.config();
    if (data.equals("x")) {
      delete(context.handle(), d.userId());
      context.answer("Dibatalkan", false);
      send(context.handle(), d.chatId(), d.topic(), "Laporan dibatalkan; tidak ada yang disimpan.", null);
    } else if (data.startsWith("c:") && d.step().equals("category")) {
      Category category = new Categories(config.reports().categories()).find(data.substring(2))
          .orElseThrow(() -> new UserMistake("Kategori ini sudah tidak ada. Ketik /lapor untuk memulai lagi."));
      step(context.handle(), d.userId(), "severity", "category", category.key());
      context.answer(category.label(), false);
      List<InlineKeyboardButton> buttons = new ArrayList<>();
      for (Severity severity : Severity.values()) {
        buttons.add(button(severity.icon() + " " + severity.label(), "s:" + severity.key()));
      }
      send(context.handle(), d.chatId(), d.topic(), "Langkah 2 dari 4: tingkat kejadian <b>" + escape(category.label()) + "</b>?", keyboard(buttons, 2));
    } else if (data.startsWith("s:") && d.step().equals("severity")) {
      Severity severity = Severity.of(data.substring(2)).orElseThrow(() -> new UserMistake("Tingkat tidak dikenal."));
      step(context.handle(), d.userId(), "description", "severity", severity.key());
      context.answer(severity.label(), false);
      send(context.handle(), d.chatId(), d.topic(), "Langkah 3 dari 4: <b>balas pesan ini</b> dengan uraian kejadian"
          + " (apa, di mana, kapan; paling banyak 2.000 karakter).",
          ForceReplyKeyboard.builder().forceReply(true).selective(true).inputFieldPlaceholder("Uraian kejadian").build());
    } else if (data.equals("ok") && d.step().equals("extras")) {
      submit(context, d);
    } else {
      context.answer("Langkah ini sudah lewat. Lanjutkan dari pesan terakhir.", false);
    }
  }

  private void submit(CallbackContext context, Draft d) {
    RakorbotConfig config = context.config();
    Category category = new Categories(config.reports().categories()).find(d.category())
        .orElseThrow(() -> new UserMistake("Kategori ini sudah tidak ada. Ketik /lapor untuk memulai lagi."));
    var origin = new ReportService.Origin(d.userId(), d.chatId(), context.group(), null);
    var content = new ReportService.Content(category, Severity.of(d.severity()).orElse(Severity.NORMAL), Optional.empty(),
        d.description(), false, Optional.ofNullable(d.photo()));
    ReportService.Submitted submitted = service.submit(context.handle(), config, origin, content);
    Report report = submitted.report();
    if (d.latitude() != null) {
      Reports.locate(context.handle(), d.userId(), d.latitude(), d.longitude(), report.createdAt().minusSeconds(1));
    }
    delete(context.handle(), d.userId());
    context.answer("Terkirim: " + report.number(), false);
    send(context.handle(), d.chatId(), d.topic(), ReportTexts.recorded(submitted, category, config.bot().zone()), null);
  }

  /** The description, a photo or a location for a draft in progress. */
  @Override
  public boolean handle(Handle handle, Message message, RakorbotConfig config) {
    Optional<Draft> draft = draft(handle, message.getFrom().getId()).filter(d -> d.chatId() == message.getChatId());
    if (draft.isEmpty()) {
      return false;
    }
    Draft d = draft.get();
    boolean privateChat = message.getChat().isUserChat();
    boolean answersBot = message.getReplyToMessage() != null && message.getReplyToMessage().getFrom() != null
        && Boolean.TRUE.equals(message.getReplyToMessage().getFrom().getIsBot());
    if (d.step().equals("description") && message.hasText() && (privateChat || answersBot)) {
      String text = message.getText().strip();
      if (text.length() > ReportRequest.MAX_DESCRIPTION) {
        send(handle, d.chatId(), d.topic(), ReportTexts.tooLong(text.length()), null);
        return true;
      }
      step(handle, d.userId(), "extras", "description", text);
      send(handle, d.chatId(), d.topic(), "Langkah 4 dari 4: kirim <b>foto</b> dan/atau <b>lokasi</b> Telegram bila ada,"
          + " lalu tekan <b>Kirim</b>.", keyboard(List.of(button("✅ Kirim", "ok")), 1));
      return true;
    }
    if (d.step().equals("extras") && message.hasPhoto()) {
      String photo = id.rakorbot.telegram.Photos.largest(message).orElseThrow();
      handle.createUpdate("UPDATE report_draft SET photo_file_id = :photo, updated_at = :now WHERE user_id = :user")
          .bind("photo", photo).bind("now", service.clock().instant()).bind("user", d.userId()).execute();
      send(handle, d.chatId(), d.topic(), "📷 Foto diterima. Tekan <b>Kirim</b> bila sudah lengkap.", null);
      return true;
    }
    if (d.step().equals("extras") && message.hasLocation() && !Locations.plausible(message.getLocation())) {
      send(handle, d.chatId(), d.topic(), Locations.IMPLAUSIBLE, null);
      return true;
    }
    if (d.step().equals("extras") && message.hasLocation()) {
      handle.createUpdate("UPDATE report_draft SET latitude = :lat, longitude = :lon, updated_at = :now WHERE user_id = :user")
          .bind("lat", message.getLocation().getLatitude()).bind("lon", message.getLocation().getLongitude())
          .bind("now", service.clock().instant()).bind("user", d.userId()).execute();
      send(handle, d.chatId(), d.topic(), "📍 Lokasi diterima. Tekan <b>Kirim</b> bila sudah lengkap.", null);
      return true;
    }
    return false;
  }

  boolean expiryAlive() {
    return expiry != null && expiry.alive();
  }

  void startExpiry() {
    expiry = Worker.start("report-drafts", 1, () -> {
      expire();
      return Duration.ofSeconds(5);
    });
  }

  /** Drops drafts left alone for {@link #EXPIRY}, telling their owners. */
  void expire() {
    jdbi.useTransaction(handle -> {
      List<Draft> stale = handle.createQuery("""
              DELETE FROM report_draft WHERE updated_at < :cutoff
              RETURNING user_id, chat_id, topic_id, step, category, severity, description, photo_file_id, latitude, longitude""")
          .bind("cutoff", service.clock().instant().minus(EXPIRY))
          .map((rs, ctx) -> read(rs)).list();
      for (Draft d : stale) {
        send(handle, d.chatId(), d.topic(), "⌛ Laporan yang belum selesai dibatalkan karena 30 menit tanpa tanggapan;"
            + " tidak ada yang disimpan. Ketik /lapor untuk memulai lagi.", null);
      }
    });
  }

  private Optional<Draft> draft(Handle handle, long userId) {
    return handle.createQuery("""
            SELECT user_id, chat_id, topic_id, step, category, severity, description, photo_file_id, latitude, longitude
            FROM report_draft WHERE user_id = :user AND updated_at >= :cutoff FOR UPDATE""")
        .bind("user", userId).bind("cutoff", service.clock().instant().minus(EXPIRY))
        .map((rs, ctx) -> read(rs)).findOne();
  }

  private static Draft read(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Draft(rs.getLong("user_id"), rs.getLong("chat_id"), (Integer) rs.getObject("topic_id"), rs.getString("step"),
        rs.getString("category"), rs.getString("severity"), rs.getString("description"), rs.getString("photo_file_id"),
        (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"));
  }

  private void step(Handle handle, long userId, String next, String column, String value) {
    handle.createUpdate("UPDATE report_draft SET step = :next, " + column + " = :value, updated_at = :now WHERE user_id = :user")
        .bind("next", next).bind("value", value).bind("now", service.clock().instant()).bind("user", userId).execute();
  }

  private static void delete(Handle handle, long userId) {
    handle.createUpdate("DELETE FROM report_draft WHERE user_id = :user").bind("user", userId).execute();
  }

  private void send(Handle handle, long chatId, Integer topic, String html, ReplyKeyboard markup) {
    var message = SendMessage.builder().chatId(chatId).text(html).parseMode(ParseMode.HTML).replyMarkup(markup);
    if (topic != null) {
      message.messageThreadId(topic);
    }
    outbox.enqueue(handle, chatId, message.build(), Priority.REPLY);
  }

  private static InlineKeyboardButton button(String text, String data) {
    return InlineKeyboardButton.builder().text(text).callbackData(PREFIX + ":" + data).build();
  }

  private static InlineKeyboardMarkup keyboard(List<InlineKeyboardButton> buttons, int perRow) {
    List<InlineKeyboardRow> rows = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i += perRow) {
      rows.add(new InlineKeyboardRow(buttons.subList(i, Math.min(i + perRow, buttons.size()))));
    }
    rows.add(new InlineKeyboardRow(List.of(button("✖️ Batal", "x"))));
    return InlineKeyboardMarkup.builder().keyboard(rows).build();
  }

  @Override
  public void close() {
    if (expiry != null) {
      expiry.close();
    }
  }
}
