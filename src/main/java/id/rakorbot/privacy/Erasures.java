package id.rakorbot.privacy;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.audit.AuditEvent;
import id.rakorbot.audit.AuditPerson;
import id.rakorbot.audit.Source;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * An erasure as both the bot and the command line run it: the erasure itself, its audit row (naming the person
 * only by the pseudonym), and the notice to the person, which the outbox forgets once delivered.
 */
public final class Erasures {

  private Erasures() {}

  /** Who erased, and from where. */
  public record By(Source source, String origin, AuditPerson admin) {}

  /** What an erasure of {@code userId} would touch, by kind: the first of its two steps. */
  public static java.util.Map<String, Integer> preview(Handle handle, long userId) {
    return Erasure.preview(handle, userId);
  }

  /** Erases {@code userId} in the caller's transaction; the summary for the admin, in HTML. */
  public static String erase(Handle handle, RakorbotConfig config, Outbox outbox, long userId, By by, Instant now) {
    Erasure.Result result = Erasure.erase(handle, config, userId, now);
    Audit.record(handle, new AuditEvent(now, by.source(), by.origin(), Optional.of(by.admin()), Actions.DATA_ERASED,
        "orang terhapus #" + -result.pseudonym(), Optional.empty(), result.summary()));
    long notice = outbox.enqueue(handle, userId, SendMessage.builder().chatId(userId).parseMode(ParseMode.HTML)
        .text(PrivacyTexts.erasedNotice(config)).build(), Priority.REPLY);
    outbox.forgetOnceSent(handle, notice);
    return PrivacyTexts.erased(result);
  }
}
