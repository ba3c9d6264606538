package id.rakorbot.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Telegram does with a message in {@code parse_mode=HTML} before it accepts it: only its own tags, each
 * closed in order, every other {@code <}, {@code >} and {@code &} written as an entity, and at most 4,096
 * characters of text (1,024 for a caption) once tags and entities are read. The emulator refuses what Telegram
 * would refuse, with Telegram's words, so a test of any text the bot sends checks both.
 */
public final class TelegramHtml {

  public static final int MESSAGE_LIMIT = 4096;
  public static final int CAPTION_LIMIT = 1024;

  private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
      "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote", "tg-time");
  /** Bot API 9.5's date_time: a Unix time, and a format of {@code r} or {@code w?[dD]?[tT]?}. */
  private static final Pattern TIME_ATTRIBUTES = Pattern.compile("\\s+unix\\s*=\\s*\"\\d{1,12}\"(?:\\s+format\\s*=\\s*\"(?:r|w?[dD]?[tT]?)\")?");
  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[a-zA-Z-]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*>");
  private static final Pattern ENTITY = Pattern.compile("&(?:lt|gt|amp|quot|#\\d{1,7}|#x[0-9a-fA-F]{1,6});");

  private TelegramHtml() {}

  /** Why Telegram would refuse {@code text}, in its own words; empty when it would send it. */
  public static Optional<String> problem(String text, int limit) {
    Deque<String> open = new ArrayDeque<>();
    int length = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '<') {
        Matcher tag = TAG.matcher(text).region(i, text.length());
        if (!tag.lookingAt()) {
          return Optional.of("can't parse entities: Unexpected character '<' at byte offset " + i);
        }
        String name = tag.group(2).toLowerCase(Locale.ROOT);
        if (!TAGS.contains(name)) {
          return Optional.of("can't parse entities: Unsupported start tag \"" + name + "\" at byte offset " + i);
        }
        if (name.equals("tg-time") && tag.group(1).isEmpty() && !TIME_ATTRIBUTES.matcher(tag.group(3)).matches()) {
          return Optional.of("can't parse entities: Invalid date_time entity attributes at byte offset " + i);
        }
        if (tag.group(1).isEmpty()) {
          open.push(name);
        } else if (open.isEmpty() || !open.pop().equals(name)) {
          return Optional.of("can't parse entities: Unmatched end tag at byte offset " + i + ", expected \"</" + open.peek() + ">\", found \"</" + name + ">\"");
        }
        i = tag.end();
      } else if (c == '&') {
        Matcher entity = ENTITY.matcher(text).region(i, text.length());
        if (!entity.lookingAt()) {
          return Optional.of("can't parse entities: Character '&' must be escaped at byte offset " + i);
        }
        length++;
        i = entity.end();
      } else { // a bare '>' Telegram takes as text

        length++;
        i++;
      }
    }
    if (!open.isEmpty()) {
      return Optional.of("can't parse entities: Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
    }
    if (length > limit) {
      return Optional.of(limit == CAPTION_LIMIT ? "message caption is too long" : "message is too long");
    }
    return Optional.empty();
  }
}
