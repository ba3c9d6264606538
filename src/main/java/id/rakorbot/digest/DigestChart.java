package id.rakorbot.digest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
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
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setXAxisLabelRotation(30);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.addSeries("Pekan ini", labels, thisWeek);
    chart.addSeries("Pekan lalu", labels, lastWeek);
    return encode(BitmapEncoder.getBufferedImage(chart));
  }

  /** PNG with light compression: a quarter of the default's time for a chart of flat colours, barely larger. */
  private static byte[] encode(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.75f);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
