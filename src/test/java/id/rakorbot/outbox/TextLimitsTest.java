package id.rakorbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.support.TelegramHtml;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The last guard before Telegram: a text over its limit is cut at a whole line, still valid HTML. */
class TextLimitsTest {

  @Test
  void aTextThatFitsIsLeftAlone() {
    String text = "<b>Rekap</b> &amp; <i>catatan</i>\nbaris dua";
    assertThat(TextLimits.fit(text, TextLimits.MESSAGE)).isSameAs(text);
    assertThat(TextLimits.visibleLength(text)).isEqualTo("Rekap & catatan\nbaris dua".length());
  }

  @Test
  void aLongListIsCutAtALineWithItsTagsClosed() {
    String lines = IntStream.rangeClosed(1, 300).mapToObj(i -> "• <b>LAP-2026-" + i + "</b> Tawuran &amp; perkelahian di Klojen")
        .collect(Collectors.joining("\n"));
    String long1 = "<blockquote>" + lines + "</blockquote>";
    assertThat(TelegramHtml.problem(long1, TelegramHtml.MESSAGE_LIMIT)).contains("message is too long");

    String cut = TextLimits.fit(long1, TextLimits.MESSAGE);
    assertThat(TelegramHtml.problem(cut, TelegramHtml.MESSAGE_LIMIT)).isEmpty();
    assertThat(TextLimits.visibleLength(cut)).isLessThanOrEqualTo(4096).isGreaterThan(3_900);
    assertThat(cut).endsWith("Klojen</blockquote>" + TextLimits.CUT); // a whole line, then the blockquote closed
  }

  @Test
  void aCaptionHasItsOwnLimit() {
    String caption = "<b>Rekap</b> " + "kata ".repeat(400);
    String cut = TextLimits.fit(caption, TextLimits.CAPTION);
    assertThat(TelegramHtml.problem(cut, TelegramHtml.CAPTION_LIMIT)).isEmpty();
    assertThat(cut).startsWith("<b>Rekap</b> kata").endsWith(TextLimits.CUT); // one line: cut inside it
  }
}
