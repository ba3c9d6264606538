package id.rakorbot.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads {@code rakorbot.yaml}: YAML syntax, then {@code ${VAR}} placeholders, then binding to records, then
 * the checks that need the whole file. Every problem names file, line and column.
 */
public final class ConfigLoader {

  /** Environment variable that names another config file. */
  public static final String CONFIG_VARIABLE = "RAKORBOT_CONFIG";
  public static final Path DEFAULT_FILE = Path.of("config", "rakorbot.yaml");

  private final Function<String, String> environment;
  private final List<ConfigCheck> checks;
  private final ObjectMapper mapper = YAMLMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  public ConfigLoader(Function<String, String> environment) {
    this(environment, List.of());
  }

  /** A loader that also runs the features' own checks. */
  public ConfigLoader(Function<String, String> environment, List<ConfigCheck> checks) {
    this.environment = environment;
    this.checks = List.copyOf(checks);
  }

  /** The file to read: the one given, else {@code $RAKORBOT_CONFIG}, else {@code config/rakorbot.yaml}. */
  public Path choose(Path given) {
    if (given != null) {
      return given;
    }
    String named = environment.apply(CONFIG_VARIABLE);
    return named == null || named.isBlank() ? DEFAULT_FILE : Path.of(named);
  }

  public RakorbotConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(List.of(new ConfigProblem(file, 1, 1,
          "berkas konfigurasi tidak ditemukan. Salin contoh config/rakorbot.yaml atau tunjuk berkas lain dengan "
              + CONFIG_VARIABLE + "=path/ke/berkas.yaml.")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(file, text);
  }

  public RakorbotConfig parse(Path file, String yaml) {
    SourceMap source = SourceMap.read(file, yaml);
    JsonNode tree = readTree(yaml);
    List<ConfigProblem> problems = new ArrayList<>();
    new Placeholders(environment).resolve(tree, "", source, problems);
    failIfAny(problems);

    Path rosterFile = rosterFile(file, tree, source, problems);
    RakorbotConfig config = bind(tree, source, problems);
    failIfAny(problems); // later checks would only repeat what an unknown or mistyped key already explains

    problems.addAll(new ConfigValidator(source).validate(config));
    if (rosterFile != null) {
      RosterSheet.Result sheet = RosterSheet.read(rosterFile, new RosterSheet.Known(config.groups(), config.reports().areas()));
      problems.addAll(sheet.problems());
      config = config.withRoster(sheet.people(), rosterFile);
    }
    failIfAny(problems); // feature checks may rely on the groups and roster being sound
    for (ConfigCheck check : checks) {
      check.check(config).forEach(p -> problems.add(source.problem(p.pointer(), p.message())));
    }
    failIfAny(problems);
    return config.withSource(file);
  }

  /**
   * {@code roster: {file: peserta.xlsx}}: the spreadsheet it names, next to the config file unless the path says
   * otherwise; the key is taken out of the tree, which binds the YAML list form only.
   */
  private static Path rosterFile(Path configFile, JsonNode tree, SourceMap source, List<ConfigProblem> problems) {
    JsonNode roster = tree.get("roster");
    if (!(roster instanceof ObjectNode declared)) {
      return null;
    }
    ((ObjectNode) tree).remove("roster");
    declared.fieldNames().forEachRemaining(key -> {
      if (!key.equals("file")) {
        problems.add(source.problem("/roster/" + key, ConfigMessages.unknownKey(key, List.of("file"))));
      }
    });
    String name = declared.path("file").asText("");
    if (name.isBlank()) {
      problems.add(source.problem("/roster", "tulis roster sebagai daftar orang, atau sebagai berkas: roster: {file: peserta.xlsx}"));
      return null;
    }
    Path named = Path.of(name);
    Path folder = configFile.toAbsolutePath().getParent();
    return named.isAbsolute() || folder == null ? named : folder.resolve(named);
  }

  private JsonNode readTree(String yaml) {
    try {
      JsonNode tree = mapper.readTree(yaml);
      return tree == null || tree.isMissingNode() || tree.isNull() ? JsonNodeFactory.instance.objectNode() : tree;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // unreachable: SourceMap.read already parsed the same text
    }
  }

  private RakorbotConfig bind(JsonNode tree, SourceMap source, List<ConfigProblem> problems) {
    if (!(tree instanceof ObjectNode)) {
      problems.add(source.problem("", "isi berkas harus berupa daftar kunci (bot:, groups:, roster:, ...)."));
      return null;
    }
    var collectUnknownKeys = new DeserializationProblemHandler() {
      @Override
      public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
          JsonDeserializer<?> deserializer, Object beanOrClass, String property) throws IOException {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        problems.add(source.problem(pointer, ConfigMessages.unknownKey(property,
            deserializer.getKnownPropertyNames().stream().map(String::valueOf).filter(k -> !k.equals("source")).toList())));
        parser.skipChildren();
        return true;
      }

      // A value of the wrong shape is recorded and read as absent, so that one bind finds every such mistake.
      @Override
      public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
          JsonParser parser, String failureMsg) throws IOException {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        JsonNode value = tree.at(pointer);
        problems.add(source.problem(pointer, ConfigMessages.wrongType(value.isValueNode() ? value.asText() : "...",
            expected(targetType.getRawClass()))));
        parser.skipChildren();
        return null;
      }

      @Override
      public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
          String failureMsg) {
        String pointer = context.getParser().getParsingContext().pathAsPointer().toString();
        problems.add(source.problem(pointer, ConfigMessages.wrongType(value, expected(targetType))));
        return null;
      }

      @Override
      public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
          String failureMsg) {
        String pointer = context.getParser().getParsingContext().pathAsPointer().toString();
        problems.add(source.problem(pointer, ConfigMessages.wrongType(String.valueOf(value), expected(targetType))));
        return null;
      }
    };
    try {
      return mapper.readerFor(RakorbotConfig.class).withHandler(collectUnknownKeys).readValue(tree);
    } catch (MismatchedInputException e) {
      String pointer = pointerOf(e);
      JsonNode value = tree.at(pointer);
      problems.add(source.problem(pointer, ConfigMessages.wrongType(value.isValueNode() ? value.asText() : "...",
          expected(e.getTargetType()))));
      return null;
    } catch (IOException e) {
      problems.add(source.problem(pointerOf(e), "nilai tidak dapat dibaca: " + e.getMessage()));
      return null;
    }
  }

  private static String pointerOf(IOException e) {
    if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping)) {
      return "";
    }
    StringBuilder pointer = new StringBuilder();
    for (var reference : mapping.getPath()) {
      pointer.append('/').append(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
    }
    return pointer.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "berbentuk lain";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "berupa angka";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true atau false";
    }
    if (List.class.isAssignableFrom(type)) {
      return "berupa daftar, misalnya [a, b] atau baris-baris '- a'";
    }
    if (type == String.class) {
      return "berupa teks";
    }
    return "berupa bagian dengan kunci-kunci di bawahnya";
  }

  private static void failIfAny(List<ConfigProblem> problems) {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
