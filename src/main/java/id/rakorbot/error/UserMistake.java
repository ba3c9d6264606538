package id.rakorbot.telegram;

/**
 * Something the user did wrong. The message (Bahasa Indonesia, HTML-safe) says what and how to do it
 * right; the router sends it as the reply and commits nothing else of the failed command.
 */
public class UserMistake extends RuntimeException {

  public UserMistake(String message) {
    super(message);
  }
}
