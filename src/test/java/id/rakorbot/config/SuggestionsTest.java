package id.rakorbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void aTypoFindsTheIntendedWord() {
    assertThat(Suggestions.closest("tawuan", List.of("tawuran", "narkoba", "judi"))).contains("tawuran");
    assertThat(Suggestions.closest("chatid", List.of("chat_id", "name"))).contains("chat_id");
    assertThat(Suggestions.closest("ardmin", List.of("admin", "pelapor"))).contains("admin");
  }

  @Test
  void somethingUnrelatedSuggestsNothing() {
    assertThat(Suggestions.closest("cuaca", List.of("narkoba", "judi"))).isEmpty();
  }
}
