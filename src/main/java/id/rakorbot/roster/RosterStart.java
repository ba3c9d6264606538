package id.rakorbot.roster;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.telegram.StartFlow;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;

/**
 * /start in private from someone without an account: an invite link binds its person; a roster @username is
 * asked to confirm; anyone else is offered the "share my number" button.
 */
final class RosterStart implements StartFlow {

  private final Accounts accounts;

  RosterStart(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public boolean start(CommandContext context) {
    String payload = context.arguments().strip();
    long userId = context.user().getId();
    if (Invites.isInvite(payload)) {
      openInvite(context, payload, userId);
      return true;
    }
    if (context.official().isPresent()) {
      return false; // the usual welcome
    }
    String username = context.user().getUserName();
    Optional<Official> named = username == null ? Optional.empty() : accounts.bindable().stream()
        .filter(p -> p.username() != null && p.username().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT)))
        .filter(p -> !accounts.hasAccount(p)).findFirst();
    if (named.isPresent()) {
      send(context, RosterTexts.confirmUsername(named.get()), InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
          InlineKeyboardButton.builder().text("Ya, benar").callbackData(UsernameConfirm.PREFIX + ":y:" + PersonKeys.shortOf(named.get())).build(),
          InlineKeyboardButton.builder().text("Bukan").callbackData(UsernameConfirm.PREFIX + ":n").build())).build());
      return true;
    }
    send(context, RosterTexts.askContact(), shareContactKeyboard());
    return true;
  }

  private void openInvite(CommandContext context, String payload, long userId) {
    Invites.Opened opened = Invites.open(context.handle(), payload, userId, accounts.clock().instant());
    switch (opened) {
      case Invites.Opened.Valid valid -> {
        Optional<Official> person = accounts.bindable(valid.personKey());
        if (person.isEmpty()) {
          context.reply(RosterTexts.inviteForRemoved());
          return;
        }
        accounts.bind(context.handle(), person.get(), userId, Accounts.Via.UNDANGAN);
        welcome(context, person.get());
      }
      case Invites.Opened.Used used -> context.reply(RosterTexts.inviteUsed(used.byThisAccount()));
      case Invites.Opened.Expired expired -> send(context, RosterTexts.inviteExpired(), shareContactKeyboard());
      case Invites.Opened.Unknown unknown -> context.reply(RosterTexts.inviteUnknown());
    }
  }

  static void welcome(CommandContext context, Official person) {
    List<GroupConfig> groups = person.groups().stream().flatMap(id -> context.config().groupById(id).stream()).toList();
    send(context, RosterTexts.welcome(person, groups), ReplyKeyboardRemove.builder().removeKeyboard(true).build());
  }

  static ReplyKeyboardMarkup shareContactKeyboard() {
    return ReplyKeyboardMarkup.builder().keyboardRow(new KeyboardRow(KeyboardButton.builder().text(RosterTexts.SHARE_BUTTON)
        .requestContact(true).build())).resizeKeyboard(true).oneTimeKeyboard(true).build();
  }

  private static void send(CommandContext context, String html, ReplyKeyboard keyboard) {
    long chat = context.message().getChatId();
    context.outbox().enqueue(context.handle(), chat, SendMessage.builder().chatId(chat).text(html).parseMode(ParseMode.HTML)
        .replyMarkup(keyboard).build(), Priority.REPLY);
  }
}
