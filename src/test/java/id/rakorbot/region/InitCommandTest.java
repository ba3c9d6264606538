package id.rakorbot.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Main;
import id.rakorbot.Rakorbot;
import id.rakorbot.config.Area;
import id.rakorbot.config.RakorbotConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init} writes a config from the Kemendagri 2025 list that check-config accepts, for any zone. */
class InitCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.execute(args, Map.<String, String>of()::get, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private static RakorbotConfig load(Path file) {
    return Rakorbot.configLoader(Map.<String, String>of()::get).load(file);
  }

  @Test
  void kotaMalangGetsItsFiveKecamatanAnd57KelurahanInWibAndCheckConfigAcceptsIt(@TempDir Path dir) {
    Path file = dir.resolve("config/rakorbot.yaml");
    assertThat(run("init", "--wilayah", "35.73", "--out", file.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Kota Malang (35.73), Jawa Timur: 5 kecamatan, 57 kelurahan/desa, zona Asia/Jakarta");

    assertThat(run("check-config", "--config", file.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("valid.", "Zona waktu: Asia/Jakarta (WIB)", "forkopimda: Forkopimda Kota Malang",
        "belum ditautkan", "⚠ jadwal rakor_bulanan menunggu grup forkopimda ditautkan",
        "⚠ jadwal ngopi_kamtibmas menunggu grup camat_lurah ditautkan", "Hari libur: 25 tanggal");

    RakorbotConfig config = load(file);
    List<Area> areas = config.reports().areaList();
    assertThat(areas).hasSize(62);
    assertThat(areas.stream().filter(a -> a.kode().split("\\.").length == 3)).extracting(Area::nama)
        .containsExactlyInAnyOrder("Blimbing", "Klojen", "Kedungkandang", "Sukun", "Lowokwaru");
    assertThat(areas.stream().filter(a -> a.kode().split("\\.").length == 4)).hasSize(57);
    assertThat(config.reports().codeOf("Kauman")).contains("35.73.02.1007");
    assertThat(config.reports().areas()).doesNotHaveDuplicates()
        .contains("Blimbing (Kel., Kec. Blimbing)"); // the kelurahan that shares its kecamatan's name
    assertThat(config.bot().region()).isEqualTo("Kota Malang");
    assertThat(config.groups()).extracting(g -> g.id()).containsExactly("forkopimda", "tim_terpadu_pks", "fkub_fkdm", "camat_lurah");
    assertThat(config.groups()).allMatch(g -> g.chatId() == null);
    assertThat(config.schedules()).extracting(s -> s.id()).containsExactly("rakor_bulanan", "kopi_senja", "ngopi_kamtibmas");
  }

  @Test
  void kotaPaluIsInWita(@TempDir Path dir) {
    Path file = dir.resolve("palu.yaml");
    assertThat(run("init", "--wilayah", "72.71", "--out", file.toString())).as(err.toString()).isZero();
    assertThat(load(file).bot().timeZone()).isEqualTo("Asia/Makassar");
    assertThat(run("check-config", "--config", file.toString())).isZero();
    assertThat(out.toString()).contains("Asia/Makassar (WITA)");
  }

  @Test
  void aRegencyInPapuaIsInWitAndANameWorksAsWellAsACode(@TempDir Path dir) {
    Path file = dir.resolve("jayapura.yaml");
    assertThat(run("init", "--wilayah", "Kota Jayapura", "--out", file.toString())).as(err.toString()).isZero();
    assertThat(load(file).bot().timeZone()).isEqualTo("Asia/Jayapura");
  }

  @Test
  void anUnknownNameGetsASuggestionAndABareNameThatFitsTwoGetsBoth(@TempDir Path dir) {
    Path file = dir.resolve("x.yaml");
    assertThat(run("init", "--wilayah", "Kota Malamg", "--out", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("'Kota Malamg' tidak ditemukan", "Maksud Anda Kota Malang (35.73)?");
    err.getBuffer().setLength(0);
    assertThat(run("init", "--wilayah", "Malang", "--out", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("Kabupaten Malang (35.07)", "Kota Malang (35.73)");
    assertThat(file).doesNotExist();
  }

  @Test
  void anExistingFileIsOverwrittenOnlyWithForce(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rakorbot.yaml");
    Files.writeString(file, "# milik admin\n");
    assertThat(run("init", "--wilayah", "35.73", "--out", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("sudah ada dan tidak ditimpa", "--force");
    assertThat(Files.readString(file)).isEqualTo("# milik admin\n");
    assertThat(run("init", "--wilayah", "35.73", "--out", file.toString(), "--force")).isZero();
    assertThat(Files.readString(file)).contains("Kota Malang");
  }

  @Test
  void theLicenceOfTheRegionListShipsWithIt() throws Exception {
    try (var in = RegionList.class.getResourceAsStream("/wilayah/wilayah-kemendagri-2025.LICENSE")) {
      assertThat(new String(in.readAllBytes())).contains("MIT License", "Cahya DSN");
    }
  }
}
