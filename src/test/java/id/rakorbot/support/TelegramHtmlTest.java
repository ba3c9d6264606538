package id.rakorbot.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The emulator refuses what Telegram refuses, so a test that passes on it would pass on Telegram. */
class TelegramHtmlTest {

  @Test
  void telegramsOwnTagsAndEntitiesPass() {
    assertThat(TelegramHtml.problem("<b>Rakor</b> &amp; <a href=\"tg://user?id=1\">Heri</a> <code>/lapor</code> 3 > 2 &#128197;",
        TelegramHtml.MESSAGE_LIMIT)).isEmpty();
    assertThat(TelegramHtml.problem("<blockquote expandable>…</blockquote><tg-spoiler>x</tg-spoiler>", 10)).isEmpty();
    assertThat(TelegramHtml.problem("<tg-time unix=\"1769565600\" format=\"wDt\">Rabu, 28 Januari 2026 pukul 09.00 WIB</tg-time>",
        TelegramHtml.MESSAGE_LIMIT)).isEmpty();
  }

  @Test
  void whatTelegramRefusesIsRefused() {
    assertThat(TelegramHtml.problem("Dewi <br> Lestari", 100)).hasValueSatisfying(p -> assertThat(p).contains("Unsupported start tag \"br\""));
    assertThat(TelegramHtml.problem("<b>tebal", 100)).hasValueSatisfying(p -> assertThat(p).contains("Can't find end tag"));
    assertThat(TelegramHtml.problem("<b><i>x</b></i>", 100)).hasValueSatisfying(p -> assertThat(p).contains("Unmatched end tag"));
    assertThat(TelegramHtml.problem("a < b", 100)).hasValueSatisfying(p -> assertThat(p).contains("Unexpected character '<'"));
    assertThat(TelegramHtml.problem("<tg-time unix=\"x\">Rabu</tg-time>", 100)).hasValueSatisfying(p -> assertThat(p).contains("date_time"));
    assertThat(TelegramHtml.problem("<tg-time unix=\"1\" format=\"rD\">Rabu</tg-time>", 100)).isPresent();
    assertThat(TelegramHtml.problem("PUPR & Dishub", 100)).hasValueSatisfying(p -> assertThat(p).contains("'&' must be escaped"));
    assertThat(TelegramHtml.problem("x".repeat(4097), TelegramHtml.MESSAGE_LIMIT)).contains("message is too long");
    assertThat(TelegramHtml.problem("<b>" + "x".repeat(4096) + "</b>", TelegramHtml.MESSAGE_LIMIT)).isEmpty(); // tags do not count
  }
}
