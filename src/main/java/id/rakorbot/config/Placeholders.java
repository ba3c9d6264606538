package id.rakorbot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in string values with the environment's values, as
 * a shell would ({@code :-} also applies when the variable is set but empty).
 */
final class Placeholders {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

  private final Function<String, String> environment;

  Placeholders(Function<String, String> environment) {
    this.environment = environment;
  }

  void resolve(JsonNode node, String pointer, SourceMap source, List<ConfigProblem> problems) {
    if (node instanceof ObjectNode object) {
      object.properties().forEach(entry -> {
        String at = pointer + "/" + entry.getKey();
        if (entry.getValue() instanceof TextNode text) {
          object.set(entry.getKey(), substitute(text.textValue(), at, source, problems));
        } else {
          resolve(entry.getValue(), at, source, problems);
        }
      });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String at = pointer + "/" + i;
        if (array.get(i) instanceof TextNode text) {
          array.set(i, substitute(text.textValue(), at, source, problems));
        } else {
          resolve(array.get(i), at, source, problems);
        }
      }
    }
  }

  private TextNode substitute(String value, String pointer, SourceMap source, List<ConfigProblem> problems) {
    Matcher matcher = PLACEHOLDER.matcher(value);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String fallback = matcher.group(3);
      String found = environment.apply(name);
      String replacement;
      if (found != null && !(fallback != null && found.isEmpty())) {
        replacement = found;
      } else if (fallback != null) {
        replacement = fallback;
      } else {
        problems.add(source.problem(pointer, ConfigMessages.missingVariable(name)));
        replacement = "";
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(result);
    return TextNode.valueOf(result.toString());
  }
}
