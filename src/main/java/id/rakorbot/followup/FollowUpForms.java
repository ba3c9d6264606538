package id.rakorbot.followup;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.audit.AuditPerson;
import id.rakorbot.config.FollowUpsConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.error.UserMistake;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.OutgoingFile;
import id.rakorbot.outbox.Priority;
import id.rakorbot.photo.FormPhoto;
import id.rakorbot.telegram.Html;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * "Tindak lanjut saya" in the Mini App: the person's open arahan, and /progres or /selesai from the form, with the same
 * rules (the owner, a notulis or an admin) and the same notices. The form's draft id makes a re-sent note count once.
 */
public final class FollowUpForms {

  private final FollowUpService service;
  private final Outbox outbox;

  FollowUpForms(FollowUpService service, Outbox outbox) {
    this.service = service;
    this.outbox = outbox;
  }

  /** An open item of the person, as the tab lists it. */
  public record Mine(String number, String description, String owner, LocalDate dueOn, boolean overdue, boolean inProgress,
      Optional<String> lastNote) {}

  /** What a note from the form did, to show on the page; {@code repeated} when this draft was recorded before. */
  public record Noted(String number, String message, boolean repeated) {}

  /** Whether the person can own arahan at all: a roster member or a unit's contact. */
  public boolean mayOwn(RakorbotConfig config, long userId) {
    return config.official(userId).isPresent() || config.followUps().units().stream().anyMatch(u -> u.contacts().contains(userId));
  }

  public List<Mine> mine(Handle handle, RakorbotConfig config, long userId) {
    List<String> units = config.followUps().units().stream().filter(u -> u.contacts().contains(userId))
        .map(FollowUpsConfig.Unit::key).toList();
    LocalDate today = service.today(config);
    return FollowUps.openFor(handle, userId, units).stream().map(item -> new Mine(item.number(), item.description(),
        item.owner().name(), item.dueOn(), item.overdue(today), item.inProgress(), FollowUps.latestNote(handle, item.id()))).toList();
  }

  /**
   * Records {@code kind} ("progres" or "selesai") on item {@code number}; a closing may carry a photo as evidence,
   * kept and posted with the notice to the chat the item was recorded in.
   */
  public Noted note(Handle handle, RakorbotConfig config, long userId, String telegramName, String clientId, String number,
      String kind, String text, Optional<FormPhoto> photo) {
    long key = onceOnlyKey(userId, clientId);
    if (FollowUps.noteOfUpdate(handle, key).isPresent()) {
      return new Noted(number, "Sudah tercatat sebelumnya.", true);
    }
    FollowUp item = FollowUps.byNumber(handle, number).orElseThrow(() -> new UserMistake(FollowUpTexts.unknownItem(number)));
    Optional<Official> official = config.official(userId);
    ReportBack.mayReport(item, config, userId, official);
    String name = official.map(Official::name).orElse(telegramName);
    Instant now = service.clock().instant();
    if (kind.equals("progres")) {
      FollowUps.note(handle, item.id(), "progres", text, Optional.empty(), userId, name, now, key);
      reply(handle, userId, FollowUpTexts.progressNoted(item));
      return new Noted(item.number(), Html.plain(FollowUpTexts.progressNoted(item)), false);
    }
    if (!FollowUps.close(handle, item.id(), now)) {
      throw new UserMistake(FollowUpTexts.alreadyDone(item));
    }
    Audit.miniApp(handle, now, AuditPerson.user(userId, name), Actions.ARAHAN_CLOSED, item.number(),
        photo.isPresent() ? "dengan foto bukti" : "");
    FollowUps.note(handle, item.id(), "selesai", text, Optional.empty(), userId, name, now, key);
    long noteId = FollowUps.noteOfUpdate(handle, key).orElseThrow();
    photo.ifPresent(p -> FollowUps.addPhoto(handle, noteId, p));
    reply(handle, userId, FollowUpTexts.closed(item, photo.isPresent()));
    if (item.chatId() != userId) {
      String notice = FollowUpTexts.closedNotice(item, name, text);
      if (photo.isPresent()) {
        outbox.enqueueFile(handle, item.chatId(), service.topicOf(handle, item.chatId()),
                OutgoingFile.photo(item.number() + ".jpg", photo.get().content(), notice), Priority.BULK,
                Optional.of("tl:" + item.number() + ":closed:" + key))
            .ifPresent(id -> outbox.forgetOnceSent(handle, id));
      } else {
        service.toChat(handle, item.chatId(), notice, Priority.BULK, Optional.of("tl:" + item.number() + ":closed:" + key));
      }
    }
    return new Noted(item.number(), Html.plain(FollowUpTexts.closed(item, photo.isPresent())), false);
  }

  private void reply(Handle handle, long userId, String html) {
    outbox.enqueue(handle, userId, SendMessage.builder().chatId(userId).parseMode(ParseMode.HTML).text(html).build(), Priority.REPLY);
  }

  /** Negative, so it is never a Telegram update id; the person is part of it, as for the form's reports. */
  static long onceOnlyKey(long userId, String clientId) {
    long bits = UUID.nameUUIDFromBytes(("tindaklanjut:" + userId + ":" + clientId).getBytes(StandardCharsets.UTF_8))
        .getMostSignificantBits() & Long.MAX_VALUE;
    return -Math.max(1, bits);
  }
}
