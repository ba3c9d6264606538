package id.rakorbot.telegram;

import id.rakorbot.error.UserMistake;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides what an update means and runs it inside the caller's transaction. The edge where a
 * {@link UserMistake} becomes a polite reply. Only declared groups and private chats get answers.
 */
final class UpdateRouter {

  private static final Logger log = LoggerFactory.getLogger(UpdateRouter.class);

  private final CurrentConfig config;
  private final Groups groups;
  private final Membership membership;
  private final CommandRegistry commands;
  private final Outbox outbox;
  private final String botUsername;
  private final Map<String, CallbackHandler> callbacks;
  private final List<MessageHandler> messages;
  private final Consumer<AnswerCallbackQuery> answerer;

  UpdateRouter(CurrentConfig config, Groups groups, CommandRegistry commands, Handlers features, Outbox outbox,
      String botUsername, Consumer<AnswerCallbackQuery> answerer) {
    this.config = config;
    this.groups = groups;
    GroupBinding binding = new GroupBinding(groups, outbox);
    this.membership = new Membership(config, groups, outbox, binding);
    this.commands = commands;
    this.outbox = outbox;
    this.botUsername = botUsername;
    this.callbacks = java.util.stream.Stream.concat(features.callbacks().stream(), java.util.stream.Stream.of(binding))
        .collect(Collectors.toMap(CallbackHandler::prefix, c -> c));
    this.messages = features.messages();
    this.answerer = answerer;
  }

  void route(Handle handle, Update update) {
    if (update.hasMyChatMember()) {
      membership.changed(handle, update.getMyChatMember());
    } else if (update.hasMessage()) {
      message(handle, update.getUpdateId(), update.getMessage());
    } else if (update.hasCallbackQuery()) {
      callback(handle, update.getCallbackQuery());
    } else if (update.hasEditedMessage()) {
      edited(handle, update.getUpdateId(), update.getEditedMessage());
    }
  }

  /**
   * The text a command is read from. A photo carries its command in the caption ("/lapor banjir ..." under
   * the picture); a caption without the media it belongs to is not something Telegram sends, so it is ignored.
   */
  static String commandText(Message message) {
    if (message.getText() != null) {
      return message.getText();
    }
    boolean media = message.hasPhoto() || message.hasDocument() || message.hasVideo() || message.hasAnimation()
        || message.hasAudio() || message.hasVoice();
    return media ? message.getCaption() : null;
  }

  /** When each user's private chat was last noted: at most once per {@link #NOTE_AGAIN}, not once per message of a burst. */
  private final java.util.Map<Long, Long> privateChatNoted = new java.util.concurrent.ConcurrentHashMap<>();
  /** Long enough to keep the intake's hot path free of it, short enough to note a person again soon after a block is lifted. */
  private static final long NOTE_AGAIN = java.time.Duration.ofMinutes(10).toNanos();

  private void notePrivateChat(Handle handle, long userId) {
    long now = System.nanoTime();
    Long last = privateChatNoted.get(userId);
    if (last == null || now - last > NOTE_AGAIN) {
      PrivateChats.seen(handle, userId);
      handle.afterCommit(() -> privateChatNoted.put(userId, now));
    }
  }

  /** Editing a sent command changes nothing; say so, so nobody believes a report was corrected. */
  private void edited(Handle handle, long updateId, Message message) {
    String text = commandText(message);
    boolean served = message.getChat().isUserChat() || groups.declared(handle, message.getChatId()).isPresent();
    if (served && message.getFrom() != null && !Boolean.TRUE.equals(message.getFrom().getIsBot())
        && ParsedCommand.parse(text).filter(p -> p.isFor(botUsername)).isPresent()) {
      RakorbotConfig now = config.get();
      var parsed = ParsedCommand.parse(text).get();
      new CommandContext(handle, updateId, message, parsed, now.official(message.getFrom().getId()), Optional.empty(), now, commands, outbox, botUsername)
          .reply(Texts.editIgnored());
    }
  }

  private void callback(Handle handle, CallbackQuery query) {
    String data = query.getData() == null ? "" : query.getData();
    int colon = data.indexOf(':');
    CallbackHandler handler = colon < 0 ? null : callbacks.get(data.substring(0, colon));
    RakorbotConfig now = config.get();
    Optional<GroupConfig> group = query.getMessage() == null || query.getMessage().getChatId() > 0
        ? Optional.empty() : groups.declared(handle, query.getMessage().getChatId());
    var context = new CallbackContext(handle, query, colon < 0 ? "" : data.substring(colon + 1),
        now.official(query.getFrom().getId()), group, now, outbox, answerer);
    if (handler == null || query.getMessage() == null) {
      context.answer(Texts.staleButton(), false);
      return;
    }
    attempt(handle, true, () -> handler.handle(context), explanation -> context.answer(explanation, true));
  }

  private void message(Handle handle, long updateId, Message message) {
    if (message.getMigrateToChatId() != null) {
      membership.migrated(handle, message.getChatId(), message.getMigrateToChatId());
      return;
    }
    if (message.getMigrateFromChatId() != null) {
      membership.migrated(handle, message.getMigrateFromChatId(), message.getChatId());
      return;
    }
    if (message.getFrom() == null || Boolean.TRUE.equals(message.getFrom().getIsBot())) {
      return;
    }
    Optional<GroupConfig> group = message.getChat().isUserChat() ? Optional.empty() : groups.declared(handle, message.getChatId());
    if (!message.getChat().isUserChat() && group.isEmpty()) {
      return; // an undeclared group: the bot does not serve it
    }
    if (message.getChat().isUserChat()) {
      notePrivateChat(handle, message.getFrom().getId());
    }
    String text = commandText(message);
    Optional<ParsedCommand> parsed = ParsedCommand.parse(text).filter(p -> p.isFor(botUsername));
    if (parsed.isPresent()) {
      command(handle, updateId, message, parsed.get(), group);
    } else {
      RakorbotConfig now = config.get();
      attempt(handle, true, () -> messages.stream().anyMatch(handler -> handler.handle(handle, message, now)),
          explanation -> Replies.to(handle, outbox, message, explanation));
    }
  }

  private void command(Handle handle, long updateId, Message message, ParsedCommand parsed, Optional<GroupConfig> group) {
    RakorbotConfig now = config.get();
    var context = new CommandContext(handle, updateId, message, parsed, now.official(message.getFrom().getId()), group,
        now, commands, outbox, botUsername);
    Optional<Command> command = commands.find(parsed.name());
    if (command.isEmpty()) {
      context.reply(Texts.unknownCommand(parsed.name()));
      return;
    }
    // Nothing is written before the refusal of a command that says so: it runs without a savepoint.
    attempt(handle, !command.get().refusesBeforeWriting(), () -> command.get().handle(context), context::reply);
  }

  /**
   * The one place where a {@link UserMistake} becomes the user's answer, for commands, buttons and plain messages
   * alike. With {@code savepoint}, a mistake found halfway leaves none of the action's writes behind. Anything
   * else goes up to the processor, which retries the update and in the end sets it aside with an apology.
   */
  private static void attempt(Handle handle, boolean savepoint, Runnable action, Consumer<String> tell) {
    if (savepoint) {
      handle.savepoint("action");
    }
    try {
      action.run();
      if (savepoint) {
        handle.releaseSavepoint("action");
      }
    } catch (UserMistake mistake) {
      if (savepoint) {
        handle.rollbackToSavepoint("action"); // also releases it
      }
      tell.accept(mistake.getMessage());
    }
  }

  /** Tells the sender of an update that could not be processed that something went wrong on our side. */
  void apologize(Handle handle, Update update) {
    Message message = update.hasMessage() ? update.getMessage() : null;
    if (message != null && message.getFrom() != null && (message.getChat().isUserChat() || groups.declared(handle, message.getChatId()).isPresent())) {
      outbox.enqueue(handle, message.getChatId(),
          SendMessage.builder().chatId(message.getChatId()).text(Texts.sorry()).parseMode(ParseMode.HTML).build(), Priority.REPLY);
    } else {
      log.debug("No one to apologise to for update {}", update.getUpdateId());
    }
  }
}
