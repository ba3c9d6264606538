package id.rakorbot.roster;

import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.Groups;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** /anggota (admin, private): per group, who has an account and who not, with a button per person for a fresh invite. */
final class AnggotaCommand implements Command {

  /** Telegram allows 100 buttons per keyboard; the rest of the list is served by the roster invite command. */
  static final int BUTTONS = 50;

  private final Accounts accounts;
  private final Groups groups;

  AnggotaCommand(Accounts accounts, Groups groups) {
    this.accounts = accounts;
    this.groups = groups;
  }

  @Override
  public String name() {
    return "anggota";
  }

  @Override
  public String description() {
    return "Admin: siapa yang sudah dan belum tertaut, dengan tautan undangan";
  }

  @Override
  public boolean refusesBeforeWriting() {
    return true;
  }

  @Override
  public void handle(CommandContext context) {
    context.requireAdmin(RosterTexts.onlyAdmins());
    if (!context.isPrivate()) {
      context.reply(RosterTexts.privateOnly());
      return;
    }
    RakorbotConfig current = context.config();
    List<Official> people = current.people();
    Map<String, Long> boundGroups = current.groups().stream().filter(g -> groups.reachable(context.handle(), g.id()).isPresent())
        .collect(Collectors.toMap(g -> g.id(), g -> groups.chatIdOf(context.handle(), g)));
    String text = RosterTexts.members(current.groups(), people, Official::bound, boundGroups);
    List<InlineKeyboardRow> rows = people.stream().filter(p -> !p.bound()).limit(BUTTONS)
        .map(p -> new InlineKeyboardRow(InlineKeyboardButton.builder().text("🔗 " + shortName(p))
            .callbackData(AnggotaInvite.PREFIX + ":" + PersonKeys.shortOf(p)).build()))
        .toList();
    var message = SendMessage.builder().chatId(context.message().getChatId()).text(text).parseMode(ParseMode.HTML);
    if (!rows.isEmpty()) {
      message.replyMarkup(InlineKeyboardMarkup.builder().keyboard(rows).build());
    }
    context.outbox().enqueue(context.handle(), context.message().getChatId(), message.build(), Priority.REPLY);
  }

  private static String shortName(Official person) {
    String name = person.name();
    return name.length() > 40 ? name.substring(0, 39) + "…" : name;
  }
}
