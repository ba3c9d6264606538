package id.rakorbot.followup;

import id.rakorbot.support.ConfigProblems;
import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Rakorbot;
import id.rakorbot.config.ConfigProblem;
import id.rakorbot.config.RakorbotConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The follow_ups section is checked with line and column; deadlines are read as people write them. */
class FollowUpConfigTest {

  private static final String BASE = """
      groups:
        - {id: forkopimda, chat_id: -1001, name: Forkopimda}
      roster:
        - {user_id: 11, name: Rina, roles: [admin, notulis], groups: [forkopimda], username: rina_w}
      follow_ups:
        units:
          - {key: dpupr, name: Dinas PUPR, contacts: [11]}
        overdue_list_to: [forkopimda]
      """;

  @Test
  void aValidSectionBinds() {
    RakorbotConfig config = parse(BASE);
    assertThat(config.followUps().unit("DPUPR")).map(u -> u.name()).contains("Dinas PUPR");
    assertThat(Owners.named(config, "@rina_w")).map(Owner::name).contains("Rina");
    assertThat(Owners.named(config, "@11")).map(Owner::userId).contains(Optional.of(11L));
    assertThat(Owners.named(config, "@dpupr")).map(Owner::unit).contains(Optional.of("dpupr"));
    assertThat(Owners.named(config, "@dinsos")).isEmpty();
  }

  @Test
  void mistakesAreNamedWithLineAndColumn() {
    assertThat(problems(BASE.replace("contacts: [11]", "contacts: [12]").replace("[forkopimda]\n", "[forkopimdaa]\n")
        .replace("username: rina_w", "username: \"r!\"")))
        .containsExactlyInAnyOrder(
            "config/rakorbot.yaml:7:49: kontak 12 tidak ada di roster. Tambahkan orangnya ke roster dulu (user_id yang sama).",
            "config/rakorbot.yaml:8:21: grup 'forkopimdaa' tidak ada di groups. Pilih dari: forkopimda.",
            "config/rakorbot.yaml:4:78: username 'r!' tidak valid: username Telegram 4-32 huruf, angka atau _, tanpa @ (boleh dengan @).");
  }

  @Test
  void deadlinesAreReadAsPeopleWriteThem() {
    LocalDate today = LocalDate.of(2026, 11, 25);
    assertThat(deadline("7 hari Normalisasi", today)).contains(new Deadline(LocalDate.of(2026, 12, 2), 2));
    assertThat(deadline("2 minggu Patroli", today)).contains(new Deadline(LocalDate.of(2026, 12, 9), 2));
    assertThat(deadline("2026-12-01 Rapat", today)).contains(new Deadline(LocalDate.of(2026, 12, 1), 1));
    assertThat(deadline("5/12 Rapat", today)).contains(new Deadline(LocalDate.of(2026, 12, 5), 1));
    assertThat(deadline("5-1 Rapat", today)).contains(new Deadline(LocalDate.of(2027, 1, 5), 1)); // no year: the next 5 January
    assertThat(deadline("15 Desember Rapat", today)).contains(new Deadline(LocalDate.of(2026, 12, 15), 2));
    assertThat(deadline("15 des 2027 Rapat", today)).contains(new Deadline(LocalDate.of(2027, 12, 15), 3));
    assertThat(deadline("31/2 Rapat", today)).isEmpty();
    assertThat(deadline("segera Rapat", today)).isEmpty();
    assertThat(deadline("3 kali Rapat", today)).isEmpty();
  }

  private static Optional<Deadline> deadline(String text, LocalDate today) {
    return Deadline.parse(Arrays.asList(text.split("\\s+", 4)), today);
  }

  private static RakorbotConfig parse(String yaml) {
    return Rakorbot.configLoader(Map.<String, String>of()::get).parse(Path.of("config/rakorbot.yaml"), yaml);
  }

  private static List<String> problems(String yaml) {
    return ConfigProblems.of("config/rakorbot.yaml", yaml);
  }
}
