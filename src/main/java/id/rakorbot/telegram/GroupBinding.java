package id.rakorbot.telegram;

import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Role;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * A declared group with no chat_id is bound where an admin adds the bot: the bot asks in that group which
 * declared group it is, with a button for each one still unbound, and only an admin's tap binds it.
 */
final class GroupBinding implements CallbackHandler {

  static final String PREFIX = "g1";

  private final Groups groups;
  private final Outbox outbox;

  GroupBinding(Groups groups, Outbox outbox) {
    this.groups = groups;
    this.outbox = outbox;
  }

  /** Asks which group this is; {@code unbound} is not empty. */
  void ask(Handle handle, long chatId, List<GroupConfig> unbound) {
    List<InlineKeyboardRow> rows = unbound.stream().limit(20)
        .map(g -> new InlineKeyboardRow(InlineKeyboardButton.builder().text(g.name()).callbackData(PREFIX + ":" + g.id()).build()))
        .toList();
    outbox.enqueue(handle, chatId, SendMessage.builder().chatId(chatId).text(Texts.whichGroup())
        .parseMode(ParseMode.HTML).replyMarkup(InlineKeyboardMarkup.builder().keyboard(rows).build()).build(), Priority.REPLY);
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public void handle(CallbackContext context) {
    if (context.official().filter(o -> o.has(Role.ADMIN)).isEmpty()) {
      context.answer(Texts.onlyAdminBinds(), true);
      return;
    }
    if (context.chatId() > 0) {
      context.answer(Texts.staleButton(), false);
      return;
    }
    Handle handle = context.handle();
    Optional<GroupConfig> already = groups.declared(handle, context.chatId());
    if (already.isPresent()) {
      context.answer(Texts.alreadyBoundHere(already.get()), true);
      return;
    }
    Optional<GroupConfig> chosen = context.config().groupById(context.data());
    if (chosen.isEmpty()) {
      context.answer(Texts.staleButton(), true);
      return;
    }
    if (groups.unbound(handle).stream().noneMatch(g -> g.id().equals(chosen.get().id()))) {
      context.answer(Texts.boundElsewhere(chosen.get()), true);
      return;
    }
    String title = context.query().getMessage() instanceof org.telegram.telegrambots.meta.api.objects.message.Message m
        ? m.getChat().getTitle() : null;
    groups.bind(handle, context.chatId(), chosen.get(), title);
    outbox.enqueue(handle, context.chatId(), EditMessageText.builder().chatId(context.chatId()).messageId((int) context.messageId())
        .text(Texts.groupBound(chosen.get(), context.official().get().name(), context.config().schedules().stream()
            .filter(s -> s.groups() != null && s.groups().contains(chosen.get().id())).map(s -> s.title()).toList()))
        .parseMode(ParseMode.HTML).build(), Priority.REPLY);
    context.answer("Grup ditautkan: " + chosen.get().name(), false);
    String note = "✅ Grup <b>" + escape(chosen.get().name()) + "</b> (<code>" + chosen.get().id() + "</code>) ditautkan oleh "
        + escape(context.official().get().name()) + ".";
    for (var admin : context.config().admins()) {
      if (admin.userId() != context.userId()) {
        outbox.enqueue(handle, admin.userId(), SendMessage.builder().chatId(admin.userId()).text(note).parseMode(ParseMode.HTML).build(),
            Priority.BULK);
      }
    }
  }
}
