package id.rakorbot.digest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** Reports per category, this week against last week, as a PNG bar chart (rendered headless). */
final class DigestChart {

  static final int WIDTH = 900;
  static final int HEIGHT = 500;

  private DigestChart() {}

  static byte[] png(DigestData data) {
    List<DigestData.CategoryCount> shown = data.categories().stream().filter(c -> c.thisWeek() + c.lastWeek() > 0).toList();
    List<String> labels = shown.isEmpty() ? List.of("Tidak ada laporan") : shown.stream().map(DigestData.CategoryCount::label).toList();
    List<Long> thisWeek = shown.isEmpty() ? List.of(0L) : shown.stream().map(DigestData.CategoryCount::thisWeek).toList();
    List<Long> lastWeek = shown.isEmpty() ? List.of(0L) : shown.stream().map(DigestData.CategoryCount::lastWeek).toList();
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Laporan per kategori — pekan " + data.week().label()).xAxisTitle("Kategori").yAxisTitle("Jumlah laporan").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setXAxisLabelRotation(30);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.addSeries("Pekan ini", labels, thisWeek);
    chart.addSeries("Pekan lalu", labels, lastWeek);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
