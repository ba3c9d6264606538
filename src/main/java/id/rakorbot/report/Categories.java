package id.rakorbot.report;

import id.rakorbot.config.ReportsConfig.Category;
import id.rakorbot.config.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The configured categories, found by key or alias, case-insensitively, with a suggestion for a near miss. */
record Categories(List<Category> all) {

  Optional<Category> find(String word) {
    String key = word.toLowerCase(Locale.ROOT);
    return all.stream()
        .filter(c -> c.key().equalsIgnoreCase(key) || c.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(key)))
        .findFirst();
  }

  /** The known word closest to a mistyped one, as the person would type it. */
  Optional<String> suggest(String word) {
    List<String> words = new ArrayList<>();
    all.forEach(c -> {
      words.add(c.key());
      words.addAll(c.aliases());
    });
    return Suggestions.closest(word, words);
  }

  /**
   * The word to type for a category: its key when it reads as a word ("narkoba"), else its first alias that
   * does ("konflik" for konflik_sosial). Keys with '_' are for the file, not for a phone keyboard.
   */
  static String typed(Category category) {
    if (!category.key().contains("_")) {
      return category.key();
    }
    return category.aliases().stream().filter(a -> !a.contains("_")).findFirst().orElse(category.key());
  }


  /** The label people read for a stored key; a key no longer configured is shown as stored. */
  String label(String key) {
    return all.stream().filter(c -> c.key().equals(key)).map(Category::label).findFirst().orElse(key);
  }
}
