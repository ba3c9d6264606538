package id.rakorbot.audit;

import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.telegram.CallbackContext;
import id.rakorbot.telegram.CommandContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Writes the audit trail, in the caller's transaction: an action is in the trail exactly when its effects are
 * committed. The table refuses UPDATE and DELETE (V21), so what is written here stays.
 */
public final class Audit {

  private Audit() {}

  public static void record(Handle handle, AuditEvent event) {
    AuditDao dao = handle.attach(AuditDao.class);
    Long actor = event.actor().map(p -> ref(dao, p)).orElse(null);
    Long subject = event.subjectPerson().map(p -> ref(dao, p)).orElse(null);
    dao.insert(event.at(), event.source().column(), event.origin(), actor, event.action(), event.subject(), subject, event.details());
  }

  /** An action taken with a command in a chat. */
  public static void command(CommandContext context, Instant at, String action, String subject, String details) {
    record(context.handle(), new AuditEvent(at, Source.CHAT, origin(context.isPrivate(), context.group().map(g -> g.id())),
        Optional.of(person(context.user(), context.official())), action, subject, Optional.empty(), details));
  }

  /** An action taken in the Mini App, which Telegram opened in the person's private chat. */
  public static void miniApp(Handle handle, Instant at, AuditPerson actor, String action, String subject, String details) {
    record(handle, new AuditEvent(at, Source.CHAT, "Mini App", Optional.of(actor), action, subject, Optional.empty(), details));
  }

  /** An action taken with a button. */
  public static void button(CallbackContext context, Instant at, String action, String subject, String details) {
    button(context, at, action, subject, Optional.empty(), details);
  }

  /** An action taken with a button, about a person (a registration decision). */
  public static void button(CallbackContext context, Instant at, String action, String subject, Optional<AuditPerson> about,
      String details) {
    boolean privateChat = context.query().getMessage() != null && context.chatId() == context.userId();
    record(context.handle(), new AuditEvent(at, Source.CHAT, origin(privateChat, context.group().map(g -> g.id())),
        Optional.of(person(context.query().getFrom(), context.official())), action, subject, about, details));
  }

  /** An action taken with a message that is not a command (a reply to the bot's question). */
  public static void message(Handle handle, Message message, RakorbotConfig config, Instant at, String action, String subject,
      String details) {
    Optional<String> group = config.groupByChatId(message.getChatId()).map(g -> g.id());
    record(handle, new AuditEvent(at, Source.CHAT, origin(message.getChat().isUserChat(), group),
        Optional.of(person(message.getFrom(), config.official(message.getFrom().getId()))), action, subject, Optional.empty(), details));
  }

  /** An action about a person (a registration decision, an erasure, an export), taken in a chat. */
  public static void aboutPerson(CommandContext context, Instant at, String action, AuditPerson about, String details) {
    record(context.handle(), new AuditEvent(at, Source.CHAT, origin(context.isPrivate(), context.group().map(g -> g.id())),
        Optional.of(person(context.user(), context.official())), action, "", Optional.of(about), details));
  }

  /** The roster name when the person is on the roster, else their Telegram name. */
  public static AuditPerson person(User user, Optional<Official> official) {
    return AuditPerson.user(user.getId(), official.map(Official::name).orElseGet(() -> telegramName(user)));
  }

  public static String telegramName(User user) {
    return String.join(" ", List.of(nonNull(user.getFirstName()), nonNull(user.getLastName()))).strip();
  }

  static String origin(boolean privateChat, Optional<String> group) {
    return privateChat ? "chat pribadi" : group.map(g -> "grup " + g).orElse("grup tak terdaftar");
  }

  /** Blanks a person in the trail (erasure): their actions stay, without saying who. */
  public static int forget(Handle handle, long userId) {
    return handle.attach(AuditDao.class).forget(userId);
  }

  public static List<AuditRow> find(Handle handle, Instant from, Instant to, String action, String actor, int limit) {
    return handle.attach(AuditDao.class).find(from, to, action == null ? "" : action.strip(), actor == null ? "" : actor.strip(), limit);
  }

  private static Long ref(AuditDao dao, AuditPerson person) {
    return person.userId().map(id -> dao.personRef(id, person.name())).orElseGet(() -> dao.anonymousRef(person.name()));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
