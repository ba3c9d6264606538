package id.rakorbot.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

  @Test
  void theCountAxisShowsWholeNumbersOnlyWrittenTheIndonesianWay() {
    assertThat(List.of(0.0, 0.5, 1.0, 1.5, 2.0, 1250.0).stream().map(BarChart::tickLabel).toList())
        .containsExactly("0", "", "1", "", "2", "1.250");
  }

  @Test
  void aChartOfSmallCountsStillRenders() {
    byte[] png = new BarChart("Laporan per kategori", List.of("Narkoba", "Tawuran")).series("Pekan ini", List.of(3L, 1L)).png(600, 300);
    assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
  }
}
