package id.rakorbot.roster;

import id.rakorbot.config.Official;
import id.rakorbot.config.Role;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.CallbackContext;
import id.rakorbot.telegram.CallbackHandler;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/** The button under /anggota: a fresh invite link for one person, sent to the admin who pressed it. */
final class AnggotaInvite implements CallbackHandler {

  static final String PREFIX = "a1";

  private final Accounts accounts;
  private final String botUsername;

  AnggotaInvite(Accounts accounts, String botUsername) {
    this.accounts = accounts;
    this.botUsername = botUsername;
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public void handle(CallbackContext context) {
    if (context.official().filter(o -> o.has(Role.ADMIN)).isEmpty() || context.chatId() < 0) {
      context.answer(RosterTexts.onlyAdmins(), true);
      return;
    }
    Optional<Official> person = PersonKeys.find(accounts.bindable(), context.data()).filter(p -> !accounts.hasAccount(p));
    if (person.isEmpty()) {
      context.answer("Orang ini sudah tertaut atau tidak ada lagi di daftar. Kirim /anggota lagi.", true);
      return;
    }
    String link = Invites.link(botUsername, Invites.create(context.handle(), person.get(), accounts.clock().instant()));
    context.outbox().enqueueSecret(context.handle(), context.chatId(), SendMessage.builder().chatId(context.chatId())
        .text(RosterTexts.freshInvite(person.get(), link)).parseMode(ParseMode.HTML).disableWebPagePreview(true).build(), Priority.REPLY);
    context.answer("Tautan undangan dibuat.", false);
  }
}
