package id.rakorbot.digest;

import id.rakorbot.print.BarChart;
import java.util.List;

/** Reports per category, this week against last week, as a PNG bar chart. */
final class DigestChart {

  static final int WIDTH = 900;
  static final int HEIGHT = 500;

  private DigestChart() {}

  static byte[] png(DigestData data) {
    List<DigestData.CategoryCount> shown = data.categories().stream().filter(c -> c.thisWeek() + c.lastWeek() > 0).toList();
    List<String> labels = shown.isEmpty() ? List.of("Tidak ada laporan") : shown.stream().map(DigestData.CategoryCount::label).toList();
    List<Long> thisWeek = shown.isEmpty() ? List.of(0L) : shown.stream().map(DigestData.CategoryCount::thisWeek).toList();
    List<Long> lastWeek = shown.isEmpty() ? List.of(0L) : shown.stream().map(DigestData.CategoryCount::lastWeek).toList();
    return new BarChart("Laporan per kategori — pekan " + data.week().label(), labels)
        .series("Pekan ini", thisWeek).series("Pekan lalu", lastWeek).png(WIDTH, HEIGHT);
  }
}
