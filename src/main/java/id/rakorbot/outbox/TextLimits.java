package id.rakorbot.outbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram's limits on a text: 4,096 characters in a message and 1,024 in a caption, counted after tags and
 * entities are read. Telegram refuses a longer one outright, so a long list (every open follow-up, a big
 * roster) would never arrive; it is cut at the last whole line that fits instead, its open tags closed, with a
 * line saying that it was cut. Texts are built to fit; this is the one place that guarantees it.
 */
final class TextLimits {

  static final int MESSAGE = 4096;
  static final int CAPTION = 1024;
  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(?:[a-zA-Z]+|#\\d+|#x[0-9a-fA-F]+);");

  static final String CUT = "\n… <i>(selebihnya tidak muat dalam satu pesan Telegram)</i>";
  private static final int CUT_LENGTH = visibleLength(CUT); // after the patterns it is counted with

  private TextLimits() {}

  /** {@code html} as it is if it fits in {@code limit}, else its longest beginning of whole lines that does. */
  static String fit(String html, int limit) {
    if (html == null || visibleLength(html) <= limit) {
      return html;
    }
    int room = limit - CUT_LENGTH;
    Deque<String> open = new ArrayDeque<>();
    Deque<String> openAtLine = new ArrayDeque<>();
    int visible = 0;
    int lastLineEnd = -1;
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      int next = i + 1;
      int counts = 1;
      if (c == '<') {
        Matcher tag = TAG.matcher(html).region(i, html.length());
        if (tag.lookingAt()) {
          if (tag.group(1).isEmpty()) {
            open.push(tag.group(2));
          } else if (!open.isEmpty()) {
            open.pop();
          }
          next = tag.end();
          counts = 0;
        }
      } else if (c == '&') {
        Matcher entity = ENTITY.matcher(html).region(i, html.length());
        if (entity.lookingAt()) {
          next = entity.end();
        }
      }
      if (visible + counts > room) {
        break;
      }
      if (c == '\n') {
        lastLineEnd = i;
        openAtLine = new ArrayDeque<>(open);
      }
      visible += counts;
      i = next;
    }
    int end = lastLineEnd > 0 ? lastLineEnd : i;
    Deque<String> stillOpen = lastLineEnd > 0 ? openAtLine : open;
    StringBuilder cut = new StringBuilder(html.substring(0, end));
    stillOpen.forEach(tag -> cut.append("</").append(tag).append('>'));
    return cut.append(CUT).toString();
  }

  /** The characters Telegram counts: the text without its tags, an entity as one. */
  static int visibleLength(String html) {
    String withoutTags = TAG.matcher(html).replaceAll("");
    return ENTITY.matcher(withoutTags).replaceAll("x").length();
  }
}
