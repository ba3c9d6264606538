package id.rakorbot.error;

/**
 * Something the user did wrong. The message (Bahasa Indonesia, HTML-safe) says what and how to do it right;
 * the edge that catches it tells the user, and commits nothing else of what failed.
 */
public class UserMistake extends RakorbotException {

  public UserMistake(String message) {
    super(message);
  }
}
