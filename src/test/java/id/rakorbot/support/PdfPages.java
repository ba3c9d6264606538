package id.rakorbot.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF as a person would check it: each page rendered to PNG (kept under target/pdf-pages to look at), its
 * text, its images, and where its glyphs sit on the page.
 */
public final class PdfPages {

  /** One page: its size in points, text, glyph bounds, image count and rendering. */
  public record Page(float width, float height, String text, float minX, float maxX, float minY, float maxY, int images,
      BufferedImage picture) {

    /** Share of pixels in {@code [x0, x1) × [y0, y1)} (fractions of the page, from the top left) that are not near white. */
    public double ink(double x0, double y0, double x1, double y1) {
      int inked = 0;
      int all = 0;
      for (int x = (int) (x0 * picture.getWidth()); x < (int) (x1 * picture.getWidth()); x++) {
        for (int y = (int) (y0 * picture.getHeight()); y < (int) (y1 * picture.getHeight()); y++) {
          int rgb = picture.getRGB(x, y);
          int r = (rgb >> 16) & 0xff;
          int g = (rgb >> 8) & 0xff;
          int b = rgb & 0xff;
          all++;
          if (r + g + b < 600) {
            inked++;
          }
        }
      }
      return all == 0 ? 0 : (double) inked / all;
    }
  }

  private PdfPages() {}

  /** Reads {@code pdf}; writes its pages as {@code target/pdf-pages/<name>-<n>.png}. */
  public static List<Page> read(byte[] pdf, String name) throws IOException {
    Path folder = Path.of("target", "pdf-pages");
    Files.createDirectories(folder);
    List<Page> pages = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        PDPage page = document.getPage(i);
        BufferedImage picture = renderer.renderImageWithDPI(i, 100);
        ImageIO.write(picture, "png", folder.resolve(name + "-" + (i + 1) + ".png").toFile());
        float[] bounds = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE};
        PDFTextStripper stripper = new PDFTextStripper() {
          @Override
          protected void writeString(String text, List<TextPosition> positions) throws IOException {
            for (TextPosition p : positions) {
              bounds[0] = Math.min(bounds[0], p.getXDirAdj());
              bounds[1] = Math.max(bounds[1], p.getXDirAdj() + p.getWidthDirAdj());
              bounds[2] = Math.min(bounds[2], p.getYDirAdj());
              bounds[3] = Math.max(bounds[3], p.getYDirAdj());
            }
            super.writeString(text, positions);
          }
        };
        stripper.setStartPage(i + 1);
        stripper.setEndPage(i + 1);
        String text = stripper.getText(document);
        int images = 0;
        for (COSName xobject : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(xobject) instanceof PDImageXObject) {
            images++;
          }
        }
        pages.add(new Page(page.getMediaBox().getWidth(), page.getMediaBox().getHeight(), text, bounds[0], bounds[1], bounds[2], bounds[3],
            images, picture));
      }
    }
    return pages;
  }
}
