package id.rakorbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.Rakorbot;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A regency's whole roster, 2,000 rows, loaded and checked as the bot does at start and at every edit: the
 * config with {@code roster: {file: peserta.xlsx}}, against the same rows as a CSV in the same run (the baseline:
 * no zip, no XML). The first load in a fresh JVM (what {@code check-config} pays) and the median and spread of 7
 * more. Goal: the XLSX in at most 2 s.
 */
@Tag("benchmark")
class RosterImportBenchmarkTest {

  static final int ROWS = 2_000;
  static final String[] HEADERS = {"Nama", "Jabatan", "Instansi", "Wilayah", "Nomor HP", "Username", "Peran", "Grup"};

  static List<String[]> rows() {
    List<String[]> rows = new ArrayList<>();
    String[] areas = {"Klojen", "Kauman", "Blimbing", "Sukun", "Lowokwaru"};
    for (int i = 0; i < ROWS; i++) {
      rows.add(new String[] {"Pejabat Nomor " + i + ", S.Sos.", "Lurah", "Kelurahan " + areas[i % 5], areas[i % 5],
          "0812 7" + String.format("%07d", i), i % 4 == 0 ? "pejabat_" + i : "", i % 10 == 0 ? "admin, peserta" : "pelapor, peserta",
          i % 3 == 0 ? "forkopimda, camat_lurah" : "camat_lurah"});
    }
    return rows;
  }

  @Test
  void twoThousandRowsLoadAndCheckWithinTwoSeconds(@TempDir Path dir) throws Exception {
    List<String[]> rows = rows();
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("peserta.xlsx"))) {
      Sheet sheet = workbook.createSheet("Peserta");
      Row header = sheet.createRow(0);
      for (int c = 0; c < HEADERS.length; c++) {
        header.createCell(c).setCellValue(HEADERS[c]);
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < HEADERS.length; c++) {
          row.createCell(c).setCellValue(rows.get(r)[c]);
        }
      }
      workbook.write(out);
    }
    List<String> csv = new ArrayList<>(List.of(String.join(";", HEADERS)));
    rows.forEach(r -> csv.add(String.join(";", Arrays.stream(r).map(v -> "\"" + v + "\"").toList())));
    Files.writeString(dir.resolve("peserta.csv"), String.join("\r\n", csv), StandardCharsets.UTF_8);
    String yaml = """
        groups:
          - {id: forkopimda, name: Forkopimda}
          - {id: camat_lurah, name: Camat dan Lurah}
        roster: {file: %s}
        reports:
          areas: [Klojen, Kauman, Blimbing, Sukun, Lowokwaru]
        """;
    Path xlsxConfig = Files.writeString(dir.resolve("xlsx.yaml"), yaml.formatted("peserta.xlsx"));
    Path csvConfig = Files.writeString(dir.resolve("csv.yaml"), yaml.formatted("peserta.csv"));
    ConfigLoader loader = Rakorbot.configLoader(Map.<String, String>of()::get);

    long firstCsv = time(() -> assertThat(loader.load(csvConfig).people()).hasSize(ROWS)); // also warms the YAML side
    long firstXlsx = time(() -> assertThat(loader.load(xlsxConfig).people()).hasSize(ROWS));
    List<Long> xlsx = new ArrayList<>();
    List<Long> plain = new ArrayList<>();
    for (int run = 0; run < 7; run++) { // alternating, so that the machine's noise falls on both
      xlsx.add(time(() -> loader.load(xlsxConfig)));
      plain.add(time(() -> loader.load(csvConfig)));
    }
    System.out.printf("RosterImportBenchmark: %d rows; first load XLSX %d ms, CSV %d ms; then XLSX median %d ms (%d-%d),"
        + " CSV median %d ms (%d-%d)%n", ROWS, firstXlsx, firstCsv, median(xlsx), min(xlsx), max(xlsx), median(plain), min(plain), max(plain));
    assertThat(firstXlsx).as("the first load, as check-config pays it").isLessThanOrEqualTo(2_000);
    assertThat(median(xlsx)).isLessThanOrEqualTo(2_000);
  }

  private static long time(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long median(List<Long> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }

  private static long min(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).min().orElseThrow();
  }

  private static long max(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElseThrow();
  }
}
