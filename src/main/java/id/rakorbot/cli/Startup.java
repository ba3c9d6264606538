package id.rakorbot.cli;

import id.rakorbot.config.DatabaseSettings;
import id.rakorbot.config.TelegramSettings;
import id.rakorbot.telegram.BotApi;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * What {@code run} waits for before it starts the bot: a Bot API that answers. A network that is not up yet
 * or a Telegram outage is waited out with backoff, said in the log; only a refused token ends the start.
 */
public final class Startup {

  public enum Reach { READY, BAD_TOKEN, STOPPED }

  public static final String BAD_TOKEN = "Token bot ditolak oleh Telegram (401): periksa TELEGRAM_BOT_TOKEN, salin ulang dari"
      + " @BotFather (perintah /mybots → API Token).";

  private static final Logger log = LoggerFactory.getLogger(Startup.class);
  private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

  private final TelegramSettings telegram;
  private final String token;
  private final CountDownLatch stop;

  public Startup(TelegramSettings telegram, String token, CountDownLatch stop) {
    this.telegram = telegram;
    this.token = token;
    this.stop = stop;
  }

  /** Asks getMe until it answers, the token is refused, or the process is told to stop. */
  public Reach awaitBotApi() throws InterruptedException {
    Duration wait = FIRST_WAIT;
    try (BotApi api = new BotApi(token, telegram.apiUrl(), 1)) {
      while (true) {
        try {
          api.client().execute(new GetMe());
          return Reach.READY;
        } catch (TelegramApiRequestException e) {
          // 401: a wrong token; 404: a token that is not even shaped like one (Telegram answers both so).
          if (e.getErrorCode() != null && (e.getErrorCode() == 401 || e.getErrorCode() == 404)) {
            log.error("The Bot API at {} refused the token ({} {})", telegram.apiUrlForDisplay(), e.getErrorCode(), e.getApiResponse());
            return Reach.BAD_TOKEN;
          }
          log.warn("The Bot API at {} answered {} {}; trying again in {} s", telegram.apiUrlForDisplay(),
              e.getErrorCode(), e.getApiResponse(), wait.toSeconds());
        } catch (TelegramApiException e) {
          log.warn("The Bot API at {} is not reachable ({}); trying again in {} s", telegram.apiUrlForDisplay(),
              e.getCause() == null ? e.getMessage() : e.getCause().toString(), wait.toSeconds());
        }
        if (stop.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
          return Reach.STOPPED;
        }
        wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
      }
    }
  }

  /** For the admin: why the database did not open, and what to do. */
  public static String databaseFailed(DatabaseSettings settings, RuntimeException e) {
    String cause = rootCause(e);
    if (settings.embedded()) {
      return "PostgreSQL bawaan tidak dapat dimulai di " + settings.embeddedDataDir() + ": " + cause + ". Pastikan folder itu"
          + " dapat ditulis dan tidak dipakai proses lain; di container tanpa izin membuat user namespace, jalankan sebagai"
          + " pengguna biasa. Untuk pemakaian nyata, arahkan ke server PostgreSQL dengan"
          + " DATABASE_URL=postgresql://user:sandi@host:5432/db.";
    }
    return "Database dari DATABASE_URL tidak dapat dibuka: " + cause + ". Periksa alamat, nama pengguna, sandi, dan"
        + " bahwa server PostgreSQL berjalan.";
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
