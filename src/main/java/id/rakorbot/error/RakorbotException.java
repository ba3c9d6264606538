package id.rakorbot.error;

/**
 * The root of the bot's own exceptions, all unchecked: thrown deep, translated once at each edge (the update
 * router for Telegram, the dashboard's handler for HTTP, the command line's handler), never logged and swallowed.
 */
public abstract class RakorbotException extends RuntimeException {

  protected RakorbotException(String message) {
    super(message);
  }

  protected RakorbotException(String message, Throwable cause) {
    super(message, cause);
  }
}
