package id.rakorbot.outbox;

import java.util.Map;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.groupadministration.LeaveChat;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

/** The Bot API methods the outbox can carry, by the name stored in {@code outbox_message.method}. */
final class OutgoingMethods {

  private static final Map<String, Class<? extends BotApiMethod<?>>> BY_NAME = Map.of(
      SendMessage.PATH, SendMessage.class,
      EphemeralMessage.STORED_AS, EphemeralMessage.class,
      DeleteMessage.PATH, DeleteMessage.class,
      EditMessageText.PATH, EditMessageText.class,
      LeaveChat.PATH, LeaveChat.class,
      AnswerCallbackQuery.PATH, AnswerCallbackQuery.class);

  private OutgoingMethods() {}

  static String nameOf(BotApiMethod<?> method) {
    if (method instanceof EphemeralMessage) {
      return EphemeralMessage.STORED_AS;
    }
    if (!BY_NAME.containsKey(method.getMethod())) {
      throw new IllegalArgumentException("The outbox does not carry " + method.getMethod() + " yet");
    }
    return method.getMethod();
  }

  static Class<? extends BotApiMethod<?>> classOf(String name) {
    Class<? extends BotApiMethod<?>> type = BY_NAME.get(name);
    if (type == null) {
      throw new IllegalStateException("Unknown outbox method " + name);
    }
    return type;
  }
}
