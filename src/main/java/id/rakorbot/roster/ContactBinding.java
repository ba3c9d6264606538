package id.rakorbot.roster;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.PhoneNumbers;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.MessageHandler;
import id.rakorbot.telegram.Replies;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Contact;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;

/**
 * A contact shared in a private chat binds the roster person with that phone number, but only the sender's own
 * contact ({@code contact.user_id == from.id}): a forwarded or typed one proves nothing.
 */
final class ContactBinding implements MessageHandler {

  private final Accounts accounts;
  private final Outbox outbox;

  ContactBinding(Accounts accounts, Outbox outbox) {
    this.accounts = accounts;
    this.outbox = outbox;
  }

  @Override
  public boolean handle(Handle handle, Message message, RakorbotConfig config) {
    if (!message.hasContact() || !message.getChat().isUserChat()) {
      return false;
    }
    Contact contact = message.getContact();
    long from = message.getFrom().getId();
    if (contact.getUserId() == null || contact.getUserId() != from || message.getForwardOrigin() != null) {
      Replies.to(handle, outbox, message, RosterTexts.notOwnContact());
      return true;
    }
    Optional<Official> person = PhoneNumbers.normalise(contact.getPhoneNumber())
        .flatMap(number -> accounts.bindable("hp:" + number));
    if (person.isEmpty()) {
      Optional<Official> already = config.official(from);
      Replies.to(handle, outbox, message, already.map(RosterTexts::alreadyBound).orElse(RosterTexts.phoneNotOnRoster()));
      return true;
    }
    accounts.bind(handle, person.get(), from, Accounts.Via.KONTAK);
    List<GroupConfig> groups = person.get().groups().stream().flatMap(id -> config.groupById(id).stream()).toList();
    outbox.enqueue(handle, message.getChatId(), SendMessage.builder().chatId(message.getChatId())
        .text(RosterTexts.welcome(person.get(), groups)).parseMode(ParseMode.HTML)
        .replyMarkup(ReplyKeyboardRemove.builder().removeKeyboard(true).build()).build(), Priority.REPLY);
    return true;
  }
}
