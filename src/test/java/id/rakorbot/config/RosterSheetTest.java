package id.rakorbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Rakorbot;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster spreadsheet: headers by name in any order, and every mistake of the file in one run, by row and column. */
class RosterSheetTest {

  static final RosterSheet.Known KNOWN = new RosterSheet.Known(List.of(
      new GroupConfig("forkopimda", null, "Forkopimda Kota Malang", null, null, null),
      new GroupConfig("camat_lurah", null, "Camat dan Lurah", null, null, null)), List.of("Klojen", "Kauman", "Blimbing"));

  static void xlsx(Path file, String[][] rows, CellRangeAddress... merged) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("Peserta");
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      for (CellRangeAddress range : merged) {
        sheet.addMergedRegion(range);
      }
      workbook.write(out);
    }
  }

  @Test
  void everyKindOfMistakeIsReportedInOneRunWithRowColumnAndSuggestion(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("peserta.xlsx");
    xlsx(file, new String[][] {
        {"Grup", "Peran", "Nama", "Jabatan", "Wilayah", "Nomor HP", "Username"}, // another order than the bot's
        {"forkopimda", "admin", "Rina Wulandari", "Analis", "", "0812 1111 0001", "rina_w"},
        {"camat_lurah", "pelaopr", "Heri Susanto", "Camat Klojen", "Klojen", "0812 1111 0002", ""},    // 3 C... peran B
        {"camat_lurah", "pelapor", "Siti Aminah", "Lurah", "Kaumn", "0812 1111 0003", ""},            // wilayah
        {"camat_lura", "peserta", "Joko", "Bhabinkamtibmas", "Kauman", "0812 1111 0004", ""},          // grup
        {"forkopimda", "peserta", "Agus", "Kadis", "", "+62 812 1111 0001", ""},                       // duplicate phone
        {"forkopimda", "peserta", "Budi", "Kasat", "", "12345", ""},                                   // impossible phone
        {"forkopimda", "peserta", "", "Kasat", "", "0812 1111 0007", ""},                               // no name
        {"forkopimda", "peserta", "Dewi", "Notulis", "", "0812 1111 0008", "de wi!"},                   // username
        {"forkopimda", "", "Eko", "Staf", "", "0812 1111 0009", ""},                                    // no role
        {"forkopimda", "peserta", "Fajar", "Staf", "", "0812 1111 0010", "@rina_w"},                     // duplicate username
    });

    RosterSheet.Result result = RosterSheet.read(file, KNOWN);

    assertThat(result.problems()).extracting(Object::toString).containsExactly(
        "peserta.xlsx baris 3 kolom B: peran 'pelaopr' tidak dikenal. Maksud Anda 'pelapor'? Pilihan: admin, pelapor, peserta, notulis, pimpinan, responder.",
        "peserta.xlsx baris 4 kolom E: wilayah 'Kaumn' tidak dikenal. Maksud Anda 'Kauman'? Pilihan: Klojen, Kauman, Blimbing. Wilayah harus ada di reports.areas.",
        "peserta.xlsx baris 5 kolom A: grup 'camat_lura' tidak dikenal. Maksud Anda 'camat_lurah'? Pilihan: forkopimda, camat_lurah.",
        "peserta.xlsx baris 6 kolom F: nomor HP ini sudah dipakai di baris 2. Satu nomor HP untuk satu orang.",
        "peserta.xlsx baris 7 kolom F: nomor HP '12345' tidak mungkin. Tulis nomor seluler Indonesia, misalnya 0812 3456 7890 atau +62 812 3456 7890.",
        "peserta.xlsx baris 8 kolom C: nama kosong. Setiap baris perlu nama lengkap dengan gelar.",
        "peserta.xlsx baris 9 kolom G: username 'dewi!' tidak mungkin: username Telegram 5-32 huruf, angka atau _, diawali huruf (tanpa spasi), misalnya @budi_santoso.",
        "peserta.xlsx baris 10 kolom B: peran kosong. Isi satu atau lebih dari: admin, pelapor, peserta, notulis, pimpinan, responder.",
        "peserta.xlsx baris 11 kolom G: username ini sudah dipakai di baris 2. Satu username untuk satu orang.");
    assertThat(result.people()).extracting(Official::name).containsExactly("Rina Wulandari");
    assertThat(result.people().getFirst().phone()).isEqualTo("+6281211110001");
  }

  @Test
  void aMergedCellAnEmptySheetAndAMissingHeaderAreExplained(@TempDir Path dir) throws Exception {
    Path merged = dir.resolve("gabung.xlsx");
    xlsx(merged, new String[][] {{"Nama", "Peran", "Grup"}, {"Rina", "admin", "forkopimda"}, {"Heri", "peserta", ""}},
        new CellRangeAddress(1, 2, 2, 2));
    assertThat(RosterSheet.read(merged, KNOWN).problems()).extracting(Object::toString)
        .anyMatch(p -> p.startsWith("gabung.xlsx baris 2 kolom C: sel gabungan C2:C3 tidak dapat dibaca"));

    Path empty = dir.resolve("kosong.xlsx");
    xlsx(empty, new String[][] {});
    assertThat(RosterSheet.read(empty, KNOWN).problems()).extracting(Object::toString)
        .containsExactly("kosong.xlsx baris 1: lembar kosong: baris pertama harus berisi judul kolom, misalnya nama, jabatan, instansi,"
            + " wilayah, nomor HP, username, peran, grup.");

    Path noRole = dir.resolve("tanpa-peran.xlsx");
    xlsx(noRole, new String[][] {{"Nama", "Jabatan"}, {"Rina", "Analis"}});
    assertThat(RosterSheet.read(noRole, KNOWN).problems()).extracting(Object::toString)
        .containsExactly("tanpa-peran.xlsx baris 1: baris judul tidak punya kolom 'peran'. Judul yang ada: Nama, Jabatan.");
  }

  @Test
  void excelsSemicolonCsvAndPlainUtf8CsvReadTheSameWithAccentsAndCaseIgnoredInHeaders(@TempDir Path dir) throws Exception {
    Path semicolon = dir.resolve("peserta.csv");
    Files.writeString(semicolon, "\uFEFFNAMA;Jabatan;Pérán;GRUP;No. HP\r\nDrs. Heri Susanto, M.Si.;Camat Klojen;pelapor, peserta;camat_lurah;0812-1111-0002\r\n",
        StandardCharsets.UTF_8);
    Path comma = dir.resolve("peserta2.csv");
    Files.writeString(comma, "nama,peran,grup,hp\n\"Susanto, Heri\",peserta,Camat dan Lurah,81211110002\n", StandardCharsets.UTF_8);

    RosterSheet.Result first = RosterSheet.read(semicolon, KNOWN);
    RosterSheet.Result second = RosterSheet.read(comma, KNOWN);

    assertThat(first.problems()).isEmpty();
    assertThat(first.people().getFirst()).extracting(Official::name, Official::phone, Official::roles, Official::groups)
        .containsExactly("Drs. Heri Susanto, M.Si.", "+6281211110002", List.of("pelapor", "peserta"), List.of("camat_lurah"));
    assertThat(second.problems()).isEmpty();
    assertThat(second.people().getFirst()).extracting(Official::name, Official::phone, Official::groups)
        .containsExactly("Susanto, Heri", "+6281211110002", List.of("camat_lurah")); // a group by its name; 812... as Excel keeps 0812...
  }

  @Test
  void theConfigNamesTheSpreadsheetAndCheckConfigListsItsMistakes(@TempDir Path dir) throws Exception {
    xlsx(dir.resolve("peserta.xlsx"), new String[][] {{"nama", "peran", "grup"}, {"Rina", "admin", "forkopimda"}, {"Heri", "pelaopr", ""}});
    Path yaml = dir.resolve("rakorbot.yaml");
    Files.writeString(yaml, """
        groups:
          - {id: forkopimda, name: Forkopimda}
        roster: {file: peserta.xlsx}
        """);
    var loader = Rakorbot.configLoader(Map.<String, String>of()::get);
    try {
      loader.load(yaml);
      throw new AssertionError("a bad row must be refused");
    } catch (ConfigException e) {
      assertThat(e.problems()).extracting(Object::toString)
          .containsExactly("peserta.xlsx baris 3 kolom B: peran 'pelaopr' tidak dikenal. Maksud Anda 'pelapor'? Pilihan: admin, pelapor, peserta, notulis, pimpinan, responder.");
    }
    xlsx(dir.resolve("peserta.xlsx"), new String[][] {{"nama", "peran", "grup"}, {"Rina", "admin", "forkopimda"}});
    RakorbotConfig config = loader.load(yaml);
    assertThat(config.people()).extracting(Official::name).containsExactly("Rina");
    assertThat(config.roster()).isEmpty(); // nobody bound yet
    assertThat(config.rosterFile()).isEqualTo(dir.resolve("peserta.xlsx").toAbsolutePath());
  }
}
