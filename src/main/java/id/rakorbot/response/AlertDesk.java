package id.rakorbot.response;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.ResponseConfig;
import id.rakorbot.ops.BotMetrics;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.Groups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Where alerts get an owner. The report and early-warning features raise an alert here instead of posting it
 * themselves: it goes to its groups with the three buttons, the first level of {@code response.levels} is told,
 * and {@link Ladder} climbs from there while nobody takes it. Every message with buttons is remembered, so that
 * taking or closing the alert edits each of them in place.
 */
public final class AlertDesk {

  /** Closes what the alert is about (the report, the early warning) with the outcome a handler wrote. */
  public interface Closer {
    void close(Handle handle, String subject, long by, String outcome, Instant at);
  }

  /**
   * An alert to raise.
   *
   * @param subject its number (LAP-…, PD-…), unique: raising it again does nothing
   * @param html the message as posted; taking and closing it add their lines under it
   * @param summary one line, for lists
   * @param groups the declared groups it goes to at once
   * @param dedupPrefix outbox key of each group's message ({@code alert:LAP-…:}), so a retry never posts twice
   */
  public record NewAlert(String subject, String kind, String severity, Optional<String> area, String html, String summary,
      Optional<Long> reporterId, List<String> groups, String dedupPrefix) {}

  static final String PREFIX = "t1";

  private final Groups groups;
  private final Outbox outbox;
  private final Clock clock;
  private final BotMetrics metrics;
  private final Map<String, Closer> closers = new ConcurrentHashMap<>();

  public AlertDesk(Groups groups, Outbox outbox, Clock clock, BotMetrics metrics) {
    this.metrics = metrics;
    this.groups = groups;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Who closes alerts of {@code kind} ("report", "warning"); set before the bot starts. */
  public void closeWith(String kind, Closer closer) {
    closers.put(kind, closer);
  }

  Clock clock() {
    return clock;
  }

  BotMetrics metrics() {
    return metrics;
  }

  /** Counts the time to "Saya tangani" (after commit). */
  void acknowledged(Alert alert) {
    alert.timeToAck().ifPresent(metrics::alertAcknowledged);
  }

  Outbox outbox() {
    return outbox;
  }

  /** Raises the alert in the caller's transaction; empty when it was raised before. */
  public Optional<Alert> raise(Handle handle, RakorbotConfig config, NewAlert request) {
    Instant now = clock.instant();
    ResponseConfig response = config.response();
    Instant due = response.ackWithin(0, request.severity()).map(now::plus).orElse(null);
    List<String> reachable = request.groups().stream().filter(g -> groups.reachable(handle, g).isPresent()).toList();
    Optional<Alert> inserted = dao(handle).insert(request.subject(), request.kind(), request.severity(), request.area().orElse(null),
        request.summary(), request.html(), request.reporterId().orElse(null), reachable.toArray(String[]::new), now, due, due);
    if (inserted.isEmpty()) {
      return Optional.empty();
    }
    Alert alert = inserted.get();
    for (String groupId : reachable) {
      post(handle, alert, groupId, request.html(), request.dedupPrefix() + groupId);
    }
    dao(handle).claimStep(alert.id(), 0, now);
    if (!response.levels().isEmpty()) {
      tellLevel(handle, config, alert, 0, ResponseTexts.firstNotice(alert));
    }
    return Optional.of(alert);
  }

  /** Tells level {@code index}: its people privately, its groups by a post; returns the alert's groups after. */
  List<String> tellLevel(Handle handle, RakorbotConfig config, Alert alert, int index, String html) {
    ResponseConfig.Level level = config.response().levels().get(index);
    for (Official person : people(config, alert, level)) {
      if (dao(handle).notified(alert.id(), person.userId(), index)) {
        long id = outbox.enqueue(handle, person.userId(), message(person.userId(), null, html, buttons(alert)), Priority.ALERT,
            Optional.of("esc:" + alert.subject() + ":" + index + ":" + person.userId())).orElse(-1L);
        if (id > 0) {
          dao(handle).posted(id, alert.id());
        }
      }
    }
    Set<String> reached = new LinkedHashSet<>(alert.groupList());
    for (String groupId : level.groups()) {
      if (reached.add(groupId) && groups.reachable(handle, groupId).isPresent()) {
        post(handle, alert, groupId, html, "esc:" + alert.subject() + ":" + index + ":" + groupId);
      }
    }
    return List.copyOf(reached);
  }

  /** The people of a level who can be written to: those it names, and the area's own when it goes by area. */
  static List<Official> people(RakorbotConfig config, Alert alert, ResponseConfig.Level level) {
    Set<Official> people = new LinkedHashSet<>();
    if (level.byArea() && alert.area() != null) {
      config.roster().stream().filter(o -> alert.area().equalsIgnoreCase(Objects.toString(o.wilayah(), "")))
          .filter(config.response()::mayHandle).forEach(people::add);
    }
    for (String reference : level.people()) {
      config.roster().stream().filter(o -> o.isNamedBy(reference)).findFirst().ifPresent(people::add);
    }
    if (alert.handlerId() != null) {
      people.removeIf(o -> o.userId().equals(alert.handlerId()));
    }
    return new ArrayList<>(people);
  }

  private void post(Handle handle, Alert alert, String groupId, String html, String dedupKey) {
    GroupConfig group = groups.reachable(handle, groupId).orElseThrow();
    long chatId = groups.chatIdOf(handle, group);
    outbox.enqueue(handle, chatId, message(chatId, group.topic().orElse(null), html, buttons(alert)), Priority.ALERT, Optional.of(dedupKey))
        .ifPresent(id -> dao(handle).posted(id, alert.id()));
  }

  /** Rewrites every message of the alert that was delivered: its status lines, and the buttons still of use. */
  void refresh(Handle handle, RakorbotConfig config, Alert alert) {
    List<String> supporters = dao(handle).supporters(alert.id()).stream()
        .map(id -> config.official(id).map(ResponseTexts::person).orElse(String.valueOf(id))).toList();
    String levelName = config.response().levels().isEmpty() ? "" : config.response().levels()
        .get(Math.min(alert.levelReached(), config.response().levels().size() - 1)).label();
    String text = ResponseTexts.status(alert, supporters, levelName);
    for (long outboxId : dao(handle).messages(alert.id())) {
      outbox.sent(handle, outboxId).ifPresent(sent -> {
        var edit = EditMessageText.builder().chatId(sent.chatId()).messageId((int) sent.messageId()).text(text)
            .parseMode(ParseMode.HTML).disableWebPagePreview(true);
        if (!alert.done()) {
          edit.replyMarkup(buttons(alert));
        }
        outbox.enqueue(handle, sent.chatId(), edit.build(), Priority.ALERT);
      });
    }
  }

  /** Who took the alerts of these subjects (report numbers), where someone did: for the reporter's own list. */
  public java.util.Map<String, String> handlers(Handle handle, java.util.Collection<String> subjects) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    dao(handle).bySubjects(subjects.toArray(String[]::new)).stream().filter(a -> a.handlerName() != null)
        .forEach(a -> out.put(a.subject(), a.handlerName()));
    return out;
  }

  /**
   * What an alert is about was closed by hand ({@code /tutup}, {@code /peringatan tutup}): its alert is done
   * with the same note, its messages lose their buttons, and the ladder stops.
   */
  public void closedElsewhere(Handle handle, RakorbotConfig config, String subject, long by, String note) {
    AlertDao dao = dao(handle);
    dao.bySubjects(new String[] {subject}).stream().filter(a -> !a.done()).findFirst().ifPresent(alert -> {
      Instant now = clock.instant();
      dao.finish(alert.id(), by, note, now);
      dao.act(alert.id(), by, "done", now, note);
      refresh(handle, config, dao.byId(alert.id()).orElseThrow());
    });
  }

  void close(Handle handle, Alert alert, long by, String outcome, Instant at) {
    Closer closer = closers.get(alert.kind());
    if (closer != null) {
      closer.close(handle, alert.subject(), by, outcome, at);
    }
  }

  void tell(Handle handle, long userId, String html) {
    outbox.enqueue(handle, userId, message(userId, null, html, null), Priority.REPLY);
  }

  /** Before anyone takes it: all three; once taken: help and done. */
  static InlineKeyboardMarkup buttons(Alert alert) {
    List<InlineKeyboardButton> row = new ArrayList<>();
    if (!alert.taken()) {
      row.add(button(ResponseTexts.TAKE, alert, "h"));
    }
    row.add(button(ResponseTexts.HELP, alert, "b"));
    row.add(button(ResponseTexts.DONE, alert, "s"));
    return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(row)).build();
  }

  static InlineKeyboardMarkup supportButton(Alert alert) {
    return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(button(ResponseTexts.SUPPORT, alert, "d"))).build();
  }

  private static InlineKeyboardButton button(String label, Alert alert, String action) {
    return InlineKeyboardButton.builder().text(label).callbackData(PREFIX + ":" + alert.id() + ":" + action).build();
  }

  static SendMessage message(long chatId, Integer topic, String html, InlineKeyboardMarkup buttons) {
    var message = SendMessage.builder().chatId(chatId).text(html).parseMode(ParseMode.HTML).disableWebPagePreview(true);
    if (topic != null) {
      message.messageThreadId(topic);
    }
    if (buttons != null) {
      message.replyMarkup(buttons);
    }
    return message.build();
  }

  static AlertDao dao(Handle handle) {
    return handle.attach(AlertDao.class);
  }

  /** How long the level before {@code index} had. */
  static Duration waited(RakorbotConfig config, Alert alert, int index) {
    return config.response().ackWithin(index - 1, alert.severity()).orElse(Duration.ZERO);
  }
}
