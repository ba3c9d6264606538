package id.rakorbot.roster;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.CallbackContext;
import id.rakorbot.telegram.CallbackHandler;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

/** "Apakah Anda ...?" — a roster @username binds only when its owner confirms, and only if the name still matches. */
final class UsernameConfirm implements CallbackHandler {

  static final String PREFIX = "u1";

  private final Accounts accounts;

  UsernameConfirm(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public void handle(CallbackContext context) {
    if (context.chatId() < 0) {
      context.answer("Tombol ini hanya berlaku di chat pribadi.", false);
      return;
    }
    if (!context.data().startsWith("y:")) {
      edit(context, RosterTexts.notThatPerson());
      context.answer("Tidak ditautkan.", false);
      return;
    }
    String username = context.query().getFrom().getUserName();
    Optional<Official> person = PersonKeys.find(accounts.bindable(), context.data().substring(2))
        .filter(p -> username != null && p.username() != null && p.username().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT)))
        .filter(p -> !accounts.hasAccount(p));
    if (person.isEmpty()) {
      context.answer("Tombol ini sudah tidak berlaku. Kirim /start lagi.", true);
      return;
    }
    accounts.bind(context.handle(), person.get(), context.userId(), Accounts.Via.USERNAME);
    List<GroupConfig> groups = person.get().groups().stream().flatMap(id -> context.config().groupById(id).stream()).toList();
    edit(context, RosterTexts.welcome(person.get(), groups));
    context.answer("Akun tertaut.", false);
  }

  private static void edit(CallbackContext context, String html) {
    context.outbox().enqueue(context.handle(), context.chatId(), EditMessageText.builder().chatId(context.chatId())
        .messageId((int) context.messageId()).text(html).parseMode(ParseMode.HTML).build(), Priority.REPLY);
  }
}
