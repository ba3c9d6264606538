package id.rakorbot.telegram;

import java.util.Locale;
import java.util.Optional;

/**
 * A command read from message text: {@code /lapor@RakorBot tawuran ...} gives name {@code lapor},
 * addressee {@code RakorBot} and arguments {@code tawuran ...}. Parsed from the text itself rather than
 * from entities, which clients do not always send.
 */
public record ParsedCommand(String name, Optional<String> addressee, String arguments) {

  public static Optional<ParsedCommand> parse(String text) {
    if (text == null || !text.startsWith("/") || text.length() < 2) {
      return Optional.empty();
    }
    int end = 1;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    String head = text.substring(1, end);
    String arguments = text.substring(end).strip();
    int at = head.indexOf('@');
    String name = (at < 0 ? head : head.substring(0, at)).toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> addressee = at < 0 ? Optional.empty() : Optional.of(head.substring(at + 1));
    return Optional.of(new ParsedCommand(name, addressee, arguments));
  }

  /** False when the command names another bot ({@code /start@OtherBot}). */
  public boolean isFor(String botUsername) {
    return addressee.map(a -> a.equalsIgnoreCase(botUsername)).orElse(true);
  }
}
