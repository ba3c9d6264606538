package id.rakorbot.response;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.CallbackContext;
import id.rakorbot.telegram.CallbackHandler;
import id.rakorbot.telegram.Html;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ForceReplyKeyboard;

/**
 * The buttons under an alert: "Saya tangani" (the first eligible press takes it, under the alert's row lock),
 * "Butuh bantuan" (the next level at once), "Selesai" (asks for the outcome), and "Ikut membantu" for a second
 * responder. Every press is recorded, a refused one too.
 */
final class AlertButtons implements CallbackHandler {

  private final AlertDesk desk;
  private final Ladder ladder;

  AlertButtons(AlertDesk desk, Ladder ladder) {
    this.desk = desk;
    this.ladder = ladder;
  }

  @Override
  public String prefix() {
    return AlertDesk.PREFIX;
  }

  @Override
  public void handle(CallbackContext context) {
    String[] parts = context.data().split(":");
    Handle handle = context.handle();
    AlertDao dao = AlertDesk.dao(handle);
    Optional<Alert> found = parts.length == 2 && parts[0].matches("\\d{1,18}") ? dao.lock(Long.parseLong(parts[0])) : Optional.empty();
    // The button must sit under one of this alert's own messages: forged data on another message changes nothing.
    boolean ownMessage = found.isPresent() && desk.outbox().findSent(handle, context.chatId(), context.messageId())
        .flatMap(dao::alertOfMessage).filter(id -> id == found.get().id()).isPresent();
    if (!ownMessage) {
      context.answer("Tombol ini tidak berlaku lagi.", false);
      return;
    }
    Alert alert = found.get();
    RakorbotConfig config = context.config();
    Instant now = desk.clock().instant();
    Optional<Official> who = context.official();
    if (who.isEmpty() || !config.response().mayHandle(who.get()) || !concerns(handle, config, alert, who.get())) {
      dao.act(alert.id(), context.userId(), "refused", now, parts[1]);
      context.answer(who.isEmpty() ? ResponseTexts.notOnRoster() : ResponseTexts.notAllowed(config.response().whoMayHandle()), true);
      return;
    }
    if (alert.done()) {
      context.answer(ResponseTexts.alreadyDone(alert), true);
      return;
    }
    Official person = who.get();
    switch (parts[1]) {
      case "h", "d" -> Audit.button(context, now, Actions.ALERT_TAKEN, alert.subject(), parts[1].equals("d") ? "mendukung" : "");
      case "b" -> Audit.button(context, now, Actions.ALERT_HELP, alert.subject(), "");
      default -> { } // "Selesai" is audited when the outcome is written (OutcomeReply)
    }
    switch (parts[1]) {
      case "h" -> take(context, alert, person, now);
      case "d" -> support(context, alert, person, now);
      case "b" -> help(context, alert, person, now);
      case "s" -> askOutcome(context, alert, person, now);
      default -> context.answer("Tombol ini tidak berlaku lagi.", false);
    }
  }

  /** Of the alert's groups, of its area, or one of the people it was sent to. */
  private static boolean concerns(Handle handle, RakorbotConfig config, Alert alert, Official person) {
    return person.groups().stream().anyMatch(alert.groupList()::contains)
        || alert.area() != null && alert.area().equalsIgnoreCase(Objects.toString(person.wilayah(), ""))
        || AlertDesk.dao(handle).notifiedPeople(alert.id()).contains(person.userId());
  }

  private void take(CallbackContext context, Alert alert, Official person, Instant now) {
    Handle handle = context.handle();
    AlertDao dao = AlertDesk.dao(handle);
    if (alert.taken()) {
      dao.act(alert.id(), person.userId(), "refused", now, "h: sudah ditangani " + alert.handlerName());
      if (Objects.equals(alert.handlerId(), person.userId())) {
        context.answer("Anda sudah tercatat menangani " + alert.subject() + ".", false);
        return;
      }
      var zone = context.config().bot().zone();
      context.answer(ResponseTexts.alreadyTaken(alert, zone), true);
      desk.outbox().enqueue(handle, person.userId(), AlertDesk.message(person.userId(), null,
          ResponseTexts.offerSupport(alert, zone), AlertDesk.supportButton(alert)), Priority.REPLY);
      return;
    }
    String name = ResponseTexts.person(person);
    dao.take(alert.id(), person.userId(), name, now);
    dao.act(alert.id(), person.userId(), "take", now, null);
    Alert taken = dao.byId(alert.id()).orElseThrow();
    desk.refresh(handle, context.config(), taken);
    context.answer("Terima kasih. Anda tercatat menangani " + alert.subject() + ".", false);
    if (taken.reporterId() != null && !taken.reporterId().equals(person.userId())) {
      desk.tell(handle, taken.reporterId(), ResponseTexts.toReporterTaken(taken));
    }
    for (long told : dao.notifiedPeople(alert.id())) {
      if (told != person.userId()) {
        desk.tell(handle, told, ResponseTexts.takenBy(taken, name));
      }
    }
    handle.afterCommit(() -> desk.acknowledged(taken));
  }

  private void support(CallbackContext context, Alert alert, Official person, Instant now) {
    Handle handle = context.handle();
    AlertDao dao = AlertDesk.dao(handle);
    if (!alert.taken() || Objects.equals(alert.handlerId(), person.userId()) || dao.supporters(alert.id()).contains(person.userId())) {
      context.answer("Sudah tercatat.", false);
      return;
    }
    dao.act(alert.id(), person.userId(), "support", now, null);
    desk.refresh(handle, context.config(), alert);
    desk.tell(handle, alert.handlerId(), ResponseTexts.supportJoined(alert, person));
    context.answer("Terima kasih. Anda tercatat ikut membantu " + alert.handlerName() + ".", false);
  }

  private void help(CallbackContext context, Alert alert, Official person, Instant now) {
    Handle handle = context.handle();
    RakorbotConfig config = context.config();
    AlertDesk.dao(handle).act(alert.id(), person.userId(), "help", now, null);
    int next = alert.levelReached() + 1;
    if (next < config.response().levels().size()) {
      String levelName = config.response().levels().get(next).label();
      Alert asking = withBase(alert, ResponseTexts.helpAsked(alert, person, levelName));
      ladder.climb(handle, config, asking, now, true);
      desk.refresh(handle, config, AlertDesk.dao(handle).byId(alert.id()).orElseThrow());
      context.answer("Permintaan bantuan diteruskan ke " + levelName + ".", true);
    } else {
      config.admins().forEach(admin -> desk.tell(handle, admin.userId(), ResponseTexts.helpToAdmins(alert, person)));
      context.answer(ResponseTexts.topReached(), true);
    }
  }

  private void askOutcome(CallbackContext context, Alert alert, Official person, Instant now) {
    Handle handle = context.handle();
    var prompt = SendMessage.builder().chatId(context.chatId()).parseMode(ParseMode.HTML)
        .text(ResponseTexts.askOutcome("<a href=\"tg://user?id=" + person.userId() + "\">" + Html.escape(person.name()) + "</a>,", alert))
        .replyParameters(ReplyParameters.builder().messageId((int) context.messageId()).allowSendingWithoutReply(true).build())
        .replyMarkup(ForceReplyKeyboard.builder().forceReply(true).selective(true).inputFieldPlaceholder("Hasil penanganan").build());
    context.group().flatMap(g -> g.topic()).ifPresent(prompt::messageThreadId);
    long question = desk.outbox().enqueue(handle, context.chatId(), prompt.build(), Priority.REPLY);
    AlertDesk.dao(handle).asked(question, alert.id(), person.userId());
    context.answer("Mohon tulis hasilnya sebagai balasan pesan dari bot.", false);
  }

  /** The same alert, posted with another text above its own (a help request names who asked). */
  private static Alert withBase(Alert a, String html) {
    return new Alert(a.id(), a.subject(), a.kind(), a.severity(), a.area(), a.summary(), html, a.reporterId(), a.groups(),
        a.raisedAt(), a.ackDueAt(), a.levelReached(), a.nextStepAt(), a.handlerId(), a.handlerName(), a.ackedAt(), a.doneBy(),
        a.doneAt(), a.outcome());
  }
}
