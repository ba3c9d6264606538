package id.rakorbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  private static final Path FILE = Path.of("config/rakorbot.yaml");

  private static final String VALID = """
      bot:
        time_zone: Asia/Makassar
      groups:
        - id: forkopimda
          chat_id: -1001
          name: Forkopimda
        - id: camat
          chat_id: -1002
          name: Camat
          topic_id: 7
      roster:
        - user_id: 11
          name: Rina
          roles: [admin]
          groups: [forkopimda]
      """;

  private static RakorbotConfig parse(String yaml) {
    return parse(yaml, Map.of());
  }

  private static RakorbotConfig parse(String yaml, Map<String, String> env) {
    return new ConfigLoader(env::get).parse(FILE, yaml);
  }

  private static List<String> problems(String yaml) {
    try {
      parse(yaml);
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("expected the config to be rejected");
  }

  @Test
  void theShippedConfigIsValid() {
    RakorbotConfig config = new ConfigLoader(Map.<String, String>of()::get).load(FILE);

    assertThat(config.groups()).extracting(GroupConfig::id).contains("forkopimda");
    assertThat(config.bot().zone().getId()).isEqualTo("Asia/Jakarta");
    assertThat(config.telegram().apiUrl()).isEqualTo("https://api.telegram.org");
    assertThat(config.database().embedded()).isTrue();
    assertThat(config.admins()).isNotEmpty();
  }

  @Test
  void aValidFileBindsIntoRecordsWithDefaults() {
    RakorbotConfig config = parse(VALID);

    assertThat(config.bot().timeZone()).isEqualTo("Asia/Makassar");
    assertThat(config.bot().leaveUndeclaredGroups()).isTrue();
    assertThat(config.groupByChatId(-1002)).map(GroupConfig::topicId).contains(7);
    assertThat(config.official(11)).map(o -> o.has(Role.ADMIN)).contains(true);
    assertThat(config.source()).isEqualTo(FILE);
  }

  @Test
  void anUnknownKeyNamesLineAndColumnAndSuggestsTheClosest() {
    assertThat(problems(VALID.replace("    chat_id: -1002", "    chatid: -1002")))
        .containsExactly("config/rakorbot.yaml:8:5: kunci 'chatid' tidak dikenal. Maksud Anda 'chat_id'?"
            + " Kunci yang berlaku di sini: auto_delete_minutes, chat_id, id, name, region, time_zone, topic_id.");
  }

  @Test
  void everyUnknownKeyIsReportedAtOnce() {
    assertThat(problems(VALID.replace("time_zone:", "timezone:").replace("    name: Rina", "    nama: Rina")))
        .hasSize(2)
        .anyMatch(p -> p.startsWith("config/rakorbot.yaml:2:3:") && p.contains("Maksud Anda 'time_zone'?"))
        .anyMatch(p -> p.startsWith("config/rakorbot.yaml:13:5:") && p.contains("Maksud Anda 'name'?"));
  }

  @Test
  void aBadTimeZoneIsNamedWithTheIndonesianZones() {
    assertThat(problems(VALID.replace("Asia/Makassar", "Asia/Makasar")))
        .containsExactly("config/rakorbot.yaml:2:3: zona waktu 'Asia/Makasar' tidak dikenal. Maksud Anda 'Asia/Makassar'?"
            + " Gunakan Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT).");
  }

  @Test
  void duplicateGroupIdsAndChatIdsAreRejected() {
    List<String> problems = problems(VALID.replace("id: camat", "id: forkopimda").replace("-1002", "-1001"));

    assertThat(problems).anyMatch(p -> p.startsWith("config/rakorbot.yaml:7:5:") && p.contains("id grup 'forkopimda' sudah dipakai oleh entri ke-1"));
    assertThat(problems).anyMatch(p -> p.startsWith("config/rakorbot.yaml:8:5:") && p.contains("chat_id '-1001' sudah dipakai"));
  }

  @Test
  void aRosterEntryNamingAnUndeclaredGroupIsRejected() {
    assertThat(problems(VALID.replace("groups: [forkopimda]", "groups: [forkopimda, forkopimdaa]")))
        .singleElement().asString()
        .startsWith("config/rakorbot.yaml:15:26:")
        .contains("grup 'forkopimdaa' tidak dideklarasikan", "Maksud Anda 'forkopimda'?");
  }

  @Test
  void anUnknownRoleSuggestsTheClosest() {
    assertThat(problems(VALID.replace("roles: [admin]", "roles: [admn]")))
        .singleElement().asString().contains("peran 'admn' tidak dikenal. Maksud Anda 'admin'?");
  }

  @Test
  void aValueOfTheWrongTypeSaysWhatIsExpected() {
    assertThat(problems(VALID.replace("chat_id: -1001", "chat_id: minus-seribu")))
        .containsExactly("config/rakorbot.yaml:5:5: nilai 'minus-seribu' tidak sesuai: harus berupa angka.");
  }

  /** Defect 9: every mistyped value of the file is reported in one run, not one per edit. */
  @Test
  void everyValueOfTheWrongTypeIsReportedAtOnce() {
    assertThat(problems(VALID.replace("chat_id: -1001", "chat_id: minus-seribu").replace("topic_id: 7", "topic_id: tujuh")
        .replace("roles: [admin]", "roles: {admin: ya}").replace("user_id: 11", "user_id: sebelas")))
        .containsExactly(
            "config/rakorbot.yaml:5:5: nilai 'minus-seribu' tidak sesuai: harus berupa angka.",
            "config/rakorbot.yaml:10:5: nilai 'tujuh' tidak sesuai: harus berupa angka.",
            "config/rakorbot.yaml:12:5: nilai 'sebelas' tidak sesuai: harus berupa angka.",
            "config/rakorbot.yaml:14:5: nilai '...' tidak sesuai: harus berupa daftar, misalnya [a, b] atau baris-baris '- a'.");
  }

  @Test
  void aDuplicateKeyIsRejectedWithItsLine() {
    assertThat(problems(VALID.replace("  time_zone: Asia/Makassar", "  time_zone: Asia/Makassar\n  time_zone: Asia/Jakarta")))
        .singleElement().asString().startsWith("config/rakorbot.yaml:3:").contains("kunci ganda");
  }

  @Test
  void brokenYamlSaysWhereAndHowToFixIt() {
    assertThat(problems(VALID.replace("  - id: camat", "\t- id: camat")))
        .singleElement().asString().startsWith("config/rakorbot.yaml:7:1:").contains("karakter tab", "spasi");
  }

  @Test
  void placeholdersComeFromTheEnvironmentWithDefaults() {
    String yaml = VALID + """
        telegram:
          api_url: ${TELEGRAM_API_URL:-https://api.telegram.org}
        database:
          url: ${DATABASE_URL:-}
        """;

    assertThat(parse(yaml).telegram().apiUrl()).isEqualTo("https://api.telegram.org");
    assertThat(parse(yaml).database().embedded()).isTrue();
    RakorbotConfig set = parse(yaml, Map.of("TELEGRAM_API_URL", "http://127.0.0.1:8081", "DATABASE_URL", "postgresql://u:p@db:5432/rakorbot"));
    assertThat(set.telegram().apiUrl()).isEqualTo("http://127.0.0.1:8081");
    assertThat(set.database().url()).isEqualTo("postgresql://u:p@db:5432/rakorbot");
  }

  @Test
  void aMissingVariableWithoutDefaultIsNamed() {
    assertThat(problems(VALID.replace("chat_id: -1001", "chat_id: ${FORKOPIMDA_CHAT}")))
        .containsExactly("config/rakorbot.yaml:5:5: variabel lingkungan FORKOPIMDA_CHAT belum diisi."
            + " Isi dengan 'export FORKOPIMDA_CHAT=...' atau beri nilai bawaan di sini: ${FORKOPIMDA_CHAT:-nilai}.");
  }

  @Test
  void aMissingFileSaysHowToPointAtAnother() {
    assertThatThrownBy(() -> new ConfigLoader(Map.<String, String>of()::get).load(Path.of("tidak-ada.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tidak-ada.yaml:1:1: berkas konfigurasi tidak ditemukan")
        .hasMessageContaining("RAKORBOT_CONFIG");
  }

  @Test
  void theConfigFileCanBeNamedByTheEnvironment() {
    assertThat(new ConfigLoader(Map.of("RAKORBOT_CONFIG", "/etc/rakorbot.yaml")::get).choose(null)).isEqualTo(Path.of("/etc/rakorbot.yaml"));
    assertThat(new ConfigLoader(Map.<String, String>of()::get).choose(null)).isEqualTo(Path.of("config/rakorbot.yaml"));
  }

  @Test
  void aBadApiUrlOrDatabaseUrlIsExplained() {
    List<String> problems = problems(VALID + """
        telegram:
          api_url: api.telegram.org/bot
        database:
          url: mysql://localhost/db
        """);

    assertThat(problems).anyMatch(p -> p.contains("alamat Bot API 'api.telegram.org/bot' tidak valid"));
    assertThat(problems).anyMatch(p -> p.contains("alamat database tidak valid: harus diawali postgresql://"));
  }
}
