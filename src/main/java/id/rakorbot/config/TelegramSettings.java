package id.rakorbot.config;

/**
 * Where the Bot API lives and how the bot polls it. The token is never here: it comes only from the
 * environment variable {@code TELEGRAM_BOT_TOKEN}.
 *
 * @param apiUrl scheme://host[:port] of the Bot API (Telegram, a local Bot API server, or an emulator)
 * @param pollTimeoutSeconds how long one getUpdates call waits for news (Telegram allows up to 50)
 */
public record TelegramSettings(String apiUrl, Integer pollTimeoutSeconds) {

  public static final String DEFAULT_API_URL = "https://api.telegram.org";

  public TelegramSettings {
    apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.trim();
    pollTimeoutSeconds = pollTimeoutSeconds == null ? 50 : pollTimeoutSeconds;
  }

  /** The address without a {@code user:password@} part, for output and logs. */
  public String apiUrlForDisplay() {
    return apiUrl.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1***@");
  }

  static TelegramSettings defaults() {
    return new TelegramSettings(null, null);
  }
}
