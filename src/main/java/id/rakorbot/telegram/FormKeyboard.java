package id.rakorbot.telegram;

import id.rakorbot.config.RakorbotConfig;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;

/**
 * The keyboard button under a pelapor's private chat that opens the Mini App's form: it stays there, so a lurah never
 * needs to remember a command. Only when the dashboard's address is HTTPS (Telegram opens nothing else).
 */
public final class FormKeyboard {

  public static final String LABEL = "📝 Isi formulir laporan";

  private FormKeyboard() {}

  public static Optional<String> formUrl(RakorbotConfig config) {
    String base = config.dashboard().baseUrl();
    return base != null && base.startsWith("https://") ? Optional.of(base.replaceAll("/+$", "") + "/app/") : Optional.empty();
  }

  public static Optional<ReplyKeyboardMarkup> of(RakorbotConfig config) {
    return formUrl(config).map(url -> ReplyKeyboardMarkup.builder()
        .keyboard(List.of(new KeyboardRow(List.of(KeyboardButton.builder().text(LABEL).webApp(new WebAppInfo(url)).build()))))
        .resizeKeyboard(true).isPersistent(true).build());
  }
}
