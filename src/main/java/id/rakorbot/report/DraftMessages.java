package id.rakorbot.report;

import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** The guided report's messages: into the draft's chat and forum topic, with its buttons (prefix {@code l1}). */
final class DraftMessages {

  private final Outbox outbox;

  DraftMessages(Outbox outbox) {
    this.outbox = outbox;
  }

  void send(Handle handle, long chatId, Integer topic, String html, ReplyKeyboard markup) {
    var message = SendMessage.builder().chatId(chatId).text(html).parseMode(ParseMode.HTML).replyMarkup(markup);
    if (topic != null) {
      message.messageThreadId(topic);
    }
    outbox.enqueue(handle, chatId, message.build(), Priority.REPLY);
  }

  static InlineKeyboardButton button(String text, String data) {
    return InlineKeyboardButton.builder().text(text).callbackData(GuidedReport.PREFIX + ":" + data).build();
  }

  /** The buttons {@code perRow} to a row, and Batal under them. */
  static InlineKeyboardMarkup keyboard(List<InlineKeyboardButton> buttons, int perRow) {
    List<InlineKeyboardRow> rows = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i += perRow) {
      rows.add(new InlineKeyboardRow(buttons.subList(i, Math.min(i + perRow, buttons.size()))));
    }
    rows.add(new InlineKeyboardRow(List.of(button("✖️ Batal", "x"))));
    return InlineKeyboardMarkup.builder().keyboard(rows).build();
  }
}
