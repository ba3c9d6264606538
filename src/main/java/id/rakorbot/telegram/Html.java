package id.rakorbot.telegram;

/** Escaping for Telegram's HTML parse mode: &amp;, &lt; and &gt; in text, and &quot; too inside an attribute. */
public final class Html {

  private Html() {}

  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * The text closed by one full stop: a name that ends in a title's own ("Dewi Lestari, S.H.") gets none more,
   * so no sentence ends in "S.H..".
   */
  public static String sentence(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  /** For a value inside {@code href="…"}: a {@code "} would end the attribute and break the message. */
  public static String attribute(String text) {
    return escape(text).replace("\"", "&quot;");
  }

  /** A message of ours as plain text, for a page that shows it as text: the tags dropped, the escapes undone. */
  public static String plain(String html) {
    return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
  }

  /**
   * A moment marked as Bot API 9.5's date_time entity: a client that knows it shows the weekday, date and time in its
   * reader's own zone and language; any other shows {@code text} (already escaped), as before.
   */
  public static String time(java.time.Instant at, String text) {
    return "<tg-time unix=\"" + at.getEpochSecond() + "\" format=\"wDt\">" + text + "</tg-time>";
  }
}
