package id.rakorbot.telegram;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Outbox;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;

/**
 * A button press: who pressed (and their roster entry), on which message in which declared group, and the
 * transaction in which its effects commit.
 *
 * @param data the callback data after the handler's prefix and colon
 */
public record CallbackContext(
    Handle handle,
    CallbackQuery query,
    String data,
    Optional<Official> official,
    Optional<GroupConfig> group,
    RakorbotConfig config,
    Outbox outbox,
    Consumer<AnswerCallbackQuery> answerer) {

  public long userId() {
    return query.getFrom().getId();
  }

  public long chatId() {
    return query.getMessage().getChatId();
  }

  public long messageId() {
    return query.getMessage().getMessageId();
  }

  /**
   * Answers the press (the small confirmation or an alert). Sent directly, not through the outbox: Telegram
   * expects it within seconds, and it does not count against chat limits. Sent only after commit.
   */
  public void answer(String text, boolean alert) {
    var answer = AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text(text).showAlert(alert).build();
    handle.afterCommit(() -> answerer.accept(answer));
  }
}
