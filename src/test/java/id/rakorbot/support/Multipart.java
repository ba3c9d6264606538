package id.rakorbot.support;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a multipart/form-data body into fields: text parts as their text, file parts as
 * {@code {"filename": ..., "size": ..., "bytes": ...}} so tests can inspect what was uploaded; a field
 * naming a part ({@code attach://name}) is replaced by that part.
 */
final class Multipart {

  private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

  private Multipart() {}

  static ObjectNode parse(byte[] body, String contentType) {
    String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    String raw = new String(body, StandardCharsets.ISO_8859_1); // byte-preserving
    for (String part : raw.split(Pattern.quote(boundary))) {
      int split = part.indexOf("\r\n\r\n");
      if (split < 0) {
        continue;
      }
      String headers = part.substring(0, split);
      String content = part.substring(split + 4);
      if (content.endsWith("\r\n")) {
        content = content.substring(0, content.length() - 2);
      }
      Matcher name = NAME.matcher(headers);
      if (!name.find()) {
        continue;
      }
      byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
      Matcher filename = FILENAME.matcher(headers);
      if (filename.find()) {
        fields.putObject(name.group(1)).put("filename", filename.group(1)).put("size", bytes.length).put("bytes", bytes);
      } else {
        fields.put(name.group(1), new String(bytes, StandardCharsets.UTF_8));
      }
    }
    // The client sends a new file as its own part and names it in the field: document=attach://<part>.
    fields.properties().forEach(field -> {
      String value = field.getValue().asText();
      if (field.getValue().isTextual() && value.startsWith("attach://") && fields.has(value.substring(9))) {
        field.setValue(fields.get(value.substring(9)));
      }
    });
    return fields;
  }
}
