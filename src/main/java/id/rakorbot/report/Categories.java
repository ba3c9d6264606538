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

  Optional<String> suggest(String word) {
    List<String> words = new ArrayList<>();
    all.forEach(c -> {
      words.add(c.key());
      words.addAll(c.aliases());
    });
    return Suggestions.closest(word, words).flatMap(this::find).map(Category::key);
  }


  List<String> keys() {
    return all.stream().map(Category::key).toList();
  }
}
