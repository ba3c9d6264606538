package id.rakorbot.telegram;

/**
 * Text as PostgreSQL can store it. Telegram passes on whatever a user typed, but PostgreSQL's {@code text}
 * and {@code jsonb} cannot hold U+0000, and a lone UTF-16 surrogate is not valid Unicode: both become
 * U+FFFD, the replacement character, so one strange message can never stop the inbox.
 */
final class StorableText {

  static final char REPLACEMENT = '\uFFFD';

  private StorableText() {}

  static String clean(String text) {
    if (text == null || isClean(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        out.append(REPLACEMENT);
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append(REPLACEMENT);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isClean(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c) || i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }
}
