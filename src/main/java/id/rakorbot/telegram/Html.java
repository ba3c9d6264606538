package id.rakorbot.telegram;

/** Escaping for Telegram's HTML parse mode: only &amp;, &lt; and &gt; are special there. */
public final class Html {

  private Html() {}

  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
