package id.rakorbot.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Where each value of a YAML file stands, by JSON pointer ("/groups/1/chat_id"), so that problems found
 * after binding can still name the line and column.
 */
final class SourceMap {

  private record Position(int line, int column) {}

  private final Path file;
  private final Map<String, Position> positions;

  private SourceMap(Path file, Map<String, Position> positions) {
    this.file = file;
    this.positions = positions;
  }

  /** Reads the positions; a syntax error or a duplicate key becomes a {@link ConfigException}. */
  static SourceMap read(Path file, String yaml) {
    var factory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    Map<String, Position> positions = new HashMap<>();
    try (JsonParser parser = factory.createParser(yaml)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        JsonStreamContext context = parser.getParsingContext();
        if (token.isStructStart() && context.getParent() != null) {
          context = context.getParent();
        }
        JsonLocation at = parser.currentTokenLocation();
        positions.putIfAbsent(context.pathAsPointer().toString(), new Position(at.getLineNr(), at.getColumnNr()));
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      int column = at == null ? 1 : Math.max(1, at.getColumnNr());
      if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        line = marked.getProblemMark().getLine() + 1; // SnakeYAML counts from 0
        column = marked.getProblemMark().getColumn() + 1;
      }
      throw new ConfigException(List.of(new ConfigProblem(file, line, column, ConfigMessages.syntax(e))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SourceMap(file, positions);
  }

  /** A problem at the given pointer, or at the nearest enclosing value that has a position. */
  ConfigProblem problem(String pointer, String message) {
    String at = pointer;
    while (!positions.containsKey(at) && !at.isEmpty()) {
      at = at.substring(0, at.lastIndexOf('/'));
    }
    Position position = positions.getOrDefault(at, new Position(1, 1));
    return new ConfigProblem(file, position.line(), position.column(), message);
  }
}
