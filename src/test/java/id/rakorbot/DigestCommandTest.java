package id.rakorbot;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.support.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rakorbot digest --group ... --week ... --out DIR}: the digest as files, without Telegram. */
class DigestCommandTest {

  @Test
  void theOfflineDigestWritesTextChartAndCsv(@TempDir Path out) throws Exception {
    try (TestDatabase schema = TestDatabase.create()) {
      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      Map<String, String> env = Map.of("DATABASE_URL", schema.jdbcUrlWithCredentials());

      int exit = Main.execute(new String[] {"digest", "--group", "forkopimda", "--week", "2026-W47", "--out", out.toString()},
          env::get, new PrintWriter(stdout, true), new PrintWriter(stderr, true));

      assertThat(exit).as(stderr.toString()).isZero();
      assertThat(stdout.toString()).contains("Rekap forkopimda pekan 2026-W47 ditulis:");
      String text = Files.readString(out.resolve("rekap-forkopimda-2026-W47.txt"));
      assertThat(text).contains("Rekap Mingguan — Forkopimda Kota Malang", "Senin, 16 November 2026 s.d. Minggu, 22 November 2026");
      assertThat(ImageIO.read(out.resolve("rekap-forkopimda-2026-W47.png").toFile()).getWidth()).isEqualTo(900);
      assertThat(new String(Files.readAllBytes(out.resolve("laporan-2026-W47.csv")), StandardCharsets.UTF_8)).startsWith("\uFEFFNomor;");

      int bad = Main.execute(new String[] {"digest", "--group", "forkopimdaa", "--week", "2026-W47", "--out", out.toString()},
          env::get, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
      assertThat(bad).isEqualTo(2);
      assertThat(stderr.toString()).contains("Grup 'forkopimdaa' tidak ada");
    }
  }

  /** {@code rakorbot bahan --schedule ... --out DIR}: the next meeting's bahan rapat as a file. */
  @Test
  void theOfflineBriefingWritesTheNextMeetingsBahanRapat(@TempDir Path out) throws Exception {
    try (TestDatabase schema = TestDatabase.create()) {
      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      Map<String, String> env = Map.of("DATABASE_URL", schema.jdbcUrlWithCredentials());

      int exit = Main.execute(new String[] {"bahan", "--schedule", "rakor_pks", "--out", out.toString()},
          env::get, new PrintWriter(stdout, true), new PrintWriter(stderr, true));

      assertThat(exit).as(stderr.toString()).isZero();
      assertThat(stdout.toString()).contains("Bahan rapat rakor_pks untuk ", "ditulis:");
      List<String> names;
      try (var files = Files.list(out)) {
        names = files.map(p -> p.getFileName().toString()).sorted().toList();
      }
      assertThat(names).hasSize(4).allMatch(n -> n.matches("(laporan-)?bahan-rakor_pks-\\d{4}-\\d{2}-\\d{2}\\.(txt|png|pdf|csv)"));
      Path text = out.resolve(names.stream().filter(n -> n.endsWith(".txt")).findFirst().orElseThrow());
      assertThat(Files.readString(text)).contains("📋 <b>Bahan Rapat — ", "Periode: ", "<b>Laporan per kategori</b>");
      byte[] pdf = Files.readAllBytes(out.resolve(names.stream().filter(n -> n.endsWith(".pdf")).findFirst().orElseThrow()));
      assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

      int bad = Main.execute(new String[] {"bahan", "--schedule", "rakor_x", "--out", out.toString()},
          env::get, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
      assertThat(bad).isEqualTo(2);
      assertThat(stderr.toString()).contains("Jadwal 'rakor_x' tidak ada", "rakor_pks");
    }
  }
}
