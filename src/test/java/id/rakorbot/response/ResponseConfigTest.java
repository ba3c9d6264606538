package id.rakorbot.response;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.support.ConfigProblems;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code response:} section as admins write it, and each of its mistakes with line and column. */
class ResponseConfigTest {

  static final String BASE = """
      groups:
        - {id: forkopimda, chat_id: -1001, name: Forkopimda}
      roster:
        - {user_id: 11, name: Rina, roles: [admin], groups: [forkopimda]}
        - {user_id: 12, name: Budi, jabatan: Kapolsek Klojen, wilayah: Klojen, roles: [responder], atasan: kapolres_mlg}
        - {user_id: 13, name: Hendra, jabatan: Kapolres, username: kapolres_mlg, phone: "0812 3456 7890", roles: [pimpinan]}
      reports:
        areas: [Klojen]
      response:
        quiet_hours: "22:00-05:00"
        levels:
          - name: Kecamatan
            scope: wilayah
            ack_within: {awas: 10m, siaga: 30m, waspada: 2h}
          - name: Kota
            people: ["@kapolres_mlg", "+62 812-3456-7890"]
            ack_within: {awas: 15m, siaga: 1h}
          - name: Forkopimda
            groups: [forkopimda]
      """;

  @Test
  void aValidLadderBinds() {
    RakorbotConfig config = ConfigProblems.parse("config/rakorbot.yaml", BASE);
    assertThat(config.response().whoMayHandle()).containsExactly("responder", "pimpinan", "admin");
    assertThat(config.response().ackWithin(0, "awas")).contains(Duration.ofMinutes(10));
    assertThat(config.response().ackWithin(1, "waspada")).isEmpty(); // the ladder of a waspada stops at Kota
    assertThat(config.response().ackWithin(2, "awas")).isEmpty();
    assertThat(config.people().get(2).isNamedBy("+62 812-3456-7890")).isTrue();
    assertThat(config.people().get(2).isNamedBy("@KAPOLRES_MLG")).isTrue();
    assertThat(config.response().quiet()).isPresent();
  }

  @Test
  void mistakesAreNamedWithLineAndColumn() {
    String broken = BASE.replace("awas: 10m", "awas: 10 menit")
        .replace("scope: wilayah", "scope: kecamatan").replace("\"@kapolres_mlg\"", "\"@kapolda\"")
        .replace("    - name: Forkopimda\n      groups: [forkopimda]\n", "    - name: Forkopimda\n      groups: [forkopimdaa]\n")
        .replace("22:00-05:00", "malam")
        .replace("atasan: kapolres_mlg", "atasan: kapolsek") + "  who_may_handle: [responder, kapolsek]\n";
    assertThat(ConfigProblems.of("config/rakorbot.yaml", broken)).containsExactlyInAnyOrder(
        "config/rakorbot.yaml:20:31: peran 'kapolsek' tidak dikenal. Pilih dari: admin, pelapor, peserta, notulis, pimpinan, responder.",
        "config/rakorbot.yaml:13:7: scope 'kecamatan' tidak dikenal. Satu-satunya pilihan: wilayah (orang di wilayah laporan yang perannya boleh menangani).",
        "config/rakorbot.yaml:12:7: tingkat 'Kecamatan' tidak menjangkau siapa pun. Isi scope: wilayah, people atau groups.",
        "config/rakorbot.yaml:14:20: waktu '10 menit' tidak dapat dibaca. Tulis misalnya 10m (menit), 2h (jam) atau 1d (hari).",
        "config/rakorbot.yaml:16:16: '@kapolda' tidak ada di roster. Tulis username, user_id atau nomor HP orang yang ada di roster.",
        "config/rakorbot.yaml:19:16: grup 'forkopimdaa' tidak ada di groups. Pilih dari: forkopimda.",
        "config/rakorbot.yaml:10:3: jam tenang 'malam' tidak dapat dibaca. Tulis dua jam 24 jam, misalnya \"22:00-05:00\".",
        "config/rakorbot.yaml:5:94: atasan 'kapolsek' tidak ada di roster. Tulis username, user_id atau nomor HP atasannya.");
  }
}
