package id.rakorbot.report;

import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.ReportsConfig.Category;
import id.rakorbot.error.UserMistake;
import id.rakorbot.report.DraftDao.Draft;
import id.rakorbot.telegram.FormKeyboard;
import id.rakorbot.telegram.CallbackContext;
import id.rakorbot.telegram.CallbackHandler;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.telegram.MessageHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ForceReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * /lapor step by step for those who prefer buttons: category, severity, description, then an optional photo and
 * location, then Kirim or Batal. The draft lives in PostgreSQL ({@link DraftDao}, so it survives a restart) and
 * is dropped, with a message, after {@link #EXPIRY} without an answer ({@link DraftExpiry}).
 */
final class GuidedReport implements CallbackHandler, MessageHandler {

  static final Duration EXPIRY = Duration.ofMinutes(30);
  static final String PREFIX = "l1";

  private final ReportService service;
  private final DraftMessages messages;

  GuidedReport(ReportService service, DraftMessages messages) {
    this.service = service;
    this.messages = messages;
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  void start(CommandContext context) {
    Integer topic = context.message().isTopicMessage() ? context.message().getMessageThreadId() : null;
    long chat = context.message().getChatId();
    context.handle().attach(DraftDao.class).begin(new DraftDao.Start(context.user().getId(), chat, topic, now()));
    List<InlineKeyboardButton> buttons = context.config().reports().categories().stream()
        .map(c -> DraftMessages.button(c.label(), "c:" + c.key())).toList();
    var keyboard = DraftMessages.keyboard(buttons, 3);
    Optional<InlineKeyboardButton> form = formButton(context);
    if (form.isPresent()) {
      List<InlineKeyboardRow> rows = new ArrayList<>();
      rows.add(new InlineKeyboardRow(List.of(form.get())));
      rows.addAll(keyboard.getKeyboard());
      keyboard = org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup.builder().keyboard(rows).build();
    }
    messages.send(context.handle(), chat, topic, ReportTexts.guidedCategory(), keyboard);
  }

  /**
   * "📝 Isi formulir": the Mini App, in a private chat (Telegram offers web_app buttons there only) when the dashboard's
   * address is HTTPS (Telegram opens nothing else).
   */
  private static Optional<InlineKeyboardButton> formButton(CommandContext context) {
    return FormKeyboard.formUrl(context.config()).filter(url -> context.isPrivate()).map(url -> InlineKeyboardButton.builder()
        .text("📝 Isi formulir").webApp(new org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo(url)).build());
  }

  @Override
  public void handle(CallbackContext context) {
    Optional<Draft> found = draft(context.handle(), context.userId()).filter(d -> d.chatId() == context.chatId());
    if (found.isEmpty()) {
      context.answer(ReportTexts.guidedNone(), true);
      return;
    }
    Draft d = found.get();
    DraftDao drafts = context.handle().attach(DraftDao.class);
    String data = context.data();
    if (data.equals("x")) {
      drafts.delete(d.userId());
      context.answer("Dibatalkan", false);
      messages.send(context.handle(), d.chatId(), d.topicId(), ReportTexts.guidedCancelled(), null);
    } else if (data.startsWith("c:") && d.at() == DraftStep.CATEGORY) {
      Category category = category(context.config(), data.substring(2));
      drafts.chooseCategory(d.userId(), category.key(), now());
      context.answer(category.label(), false);
      List<InlineKeyboardButton> buttons = new ArrayList<>();
      for (Severity severity : Severity.values()) {
        buttons.add(DraftMessages.button(severity.icon() + " " + severity.label(), "s:" + severity.key()));
      }
      messages.send(context.handle(), d.chatId(), d.topicId(), ReportTexts.guidedSeverity(escape(category.label())),
          DraftMessages.keyboard(buttons, 2));
    } else if (data.startsWith("s:") && d.at() == DraftStep.SEVERITY) {
      Severity severity = Severity.of(data.substring(2)).orElseThrow(() -> new UserMistake("Tingkat tidak dikenal."));
      drafts.chooseSeverity(d.userId(), severity.key(), now());
      context.answer(severity.label(), false);
      messages.send(context.handle(), d.chatId(), d.topicId(), ReportTexts.guidedDescription(),
          ForceReplyKeyboard.builder().forceReply(true).selective(true).inputFieldPlaceholder("Uraian kejadian").build());
    } else if (data.equals("ok") && d.at() == DraftStep.EXTRAS) {
      submit(context, d);
    } else {
      context.answer(ReportTexts.guidedStepPassed(), false);
    }
  }

  private void submit(CallbackContext context, Draft d) {
    RakorbotConfig config = context.config();
    Category category = category(config, d.category());
    var origin = new ReportService.Origin(d.userId(), d.chatId(), context.group(), null);
    var content = new ReportService.Content(category, Severity.of(d.severity()).orElse(Severity.NORMAL), Optional.empty(),
        d.description(), false, Optional.ofNullable(d.photoFileId()));
    ReportService.Submitted submitted = service.submit(context.handle(), config, origin, content);
    Report report = submitted.report();
    if (d.latitude() != null) {
      Reports.locate(context.handle(), d.userId(), d.latitude(), d.longitude(), report.createdAt().minusSeconds(1));
    }
    context.handle().attach(DraftDao.class).delete(d.userId());
    context.answer("Terkirim: " + report.number(), false);
    messages.send(context.handle(), d.chatId(), d.topicId(), ReportTexts.recorded(submitted, category, config.bot().zone()), null);
  }

  /** The description, a photo or a location for a draft in progress; a mistake in it is explained by the router. */
  @Override
  public boolean handle(Handle handle, Message message, RakorbotConfig config) {
    Optional<Draft> found = draft(handle, message.getFrom().getId()).filter(d -> d.chatId() == message.getChatId());
    if (found.isEmpty()) {
      return false;
    }
    Draft d = found.get();
    DraftDao drafts = handle.attach(DraftDao.class);
    boolean answersBot = message.getChat().isUserChat() || message.getReplyToMessage() != null
        && message.getReplyToMessage().getFrom() != null && Boolean.TRUE.equals(message.getReplyToMessage().getFrom().getIsBot());
    if (d.at() == DraftStep.DESCRIPTION && message.hasText() && answersBot) {
      String text = message.getText().strip();
      if (text.length() > ReportRequest.MAX_DESCRIPTION) {
        throw new UserMistake(ReportTexts.tooLong(text.length()));
      }
      drafts.describe(d.userId(), text, now());
      messages.send(handle, d.chatId(), d.topicId(), ReportTexts.guidedExtras(),
          DraftMessages.keyboard(List.of(DraftMessages.button("✅ Kirim", "ok")), 1));
      return true;
    }
    if (d.at() != DraftStep.EXTRAS) {
      return false;
    }
    if (message.hasPhoto()) {
      drafts.attachPhoto(d.userId(), id.rakorbot.telegram.Photos.largest(message).orElseThrow(), now());
      messages.send(handle, d.chatId(), d.topicId(), ReportTexts.guidedPhoto(), null);
      return true;
    }
    if (message.hasLocation()) {
      if (!Locations.plausible(message.getLocation())) {
        throw new UserMistake(Locations.IMPLAUSIBLE);
      }
      drafts.locate(d.userId(), message.getLocation().getLatitude(), message.getLocation().getLongitude(), now());
      messages.send(handle, d.chatId(), d.topicId(), ReportTexts.guidedLocation(), null);
      return true;
    }
    return false;
  }

  private static Category category(RakorbotConfig config, String key) {
    return new Categories(config.reports().categories()).find(key).orElseThrow(() -> new UserMistake(ReportTexts.guidedCategoryGone()));
  }

  private Optional<Draft> draft(Handle handle, long userId) {
    return handle.attach(DraftDao.class).find(userId, now().minus(EXPIRY));
  }

  private Instant now() {
    return service.clock().instant();
  }
}
