package id.rakorbot.config;

/**
 * Where the Bot API lives and how the bot polls it. The token is never here: it comes only from the
 * environment variable {@code TELEGRAM_BOT_TOKEN}.
 *
 * @param apiUrl scheme://host[:port] of the Bot API (Telegram, a local Bot API server, or an emulator)
 * @param pollTimeoutSeconds how long one getUpdates call waits for news (Telegram allows up to 50)
 * @param mode {@code polling} (default) or {@code webhook}
 * @param webhook where Telegram delivers updates in webhook mode
 */
public record TelegramSettings(String apiUrl, Integer pollTimeoutSeconds, String mode, WebhookSettings webhook) {

  /**
   * Webhook mode: Telegram POSTs each update to {@code url} (HTTPS, usually a reverse proxy in front of the
   * bot's {@code http.port}), which reaches the bot at {@code path}.
   *
   * @param secret sent by Telegram in {@code X-Telegram-Bot-Api-Secret-Token}; write it as
   *     {@code ${TELEGRAM_WEBHOOK_SECRET}} so that it comes from the environment, never from the file
   */
  public record WebhookSettings(String url, String path, String secret, Integer maxConnections) {
    public WebhookSettings {
      path = path == null || path.isBlank() ? "/telegram" : path.trim();
      maxConnections = maxConnections == null ? 40 : maxConnections;
    }
  }

  public boolean webhookMode() {
    return "webhook".equals(mode);
  }

  public static final String DEFAULT_API_URL = "https://api.telegram.org";

  public TelegramSettings {
    apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.trim();
    pollTimeoutSeconds = pollTimeoutSeconds == null ? 50 : pollTimeoutSeconds;
    mode = mode == null || mode.isBlank() ? "polling" : mode.trim().toLowerCase(java.util.Locale.ROOT);
  }

  /** The address without a {@code user:password@} part, for output and logs. */
  public String apiUrlForDisplay() {
    return apiUrl.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1***@");
  }

  static TelegramSettings defaults() {
    return new TelegramSettings(null, null, null, null);
  }
}
