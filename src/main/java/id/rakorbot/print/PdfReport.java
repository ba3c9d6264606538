package id.rakorbot.print;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.RakorbotConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * An A4 report laid out top to bottom: the letterhead (institution and region) on every page, a title,
 * headings, paragraphs, tables that break across pages with their header repeated, a chart, and
 * "Halaman N dari M" at the foot. Standard fonts only (nothing to ship); characters they cannot show are
 * written out ("▲" becomes "naik").
 */
public final class PdfReport {

  /** Who issues the report, on every page. */
  public record Letterhead(String institution, String region) {

    /** The configured institution and region (else the first group's region). */
    public static Letterhead of(RakorbotConfig config) {
      String region = config.bot().region() != null ? config.bot().region()
          : config.groups().stream().map(GroupConfig::region).filter(r -> r != null && !r.isBlank()).findFirst().orElse("");
      return new Letterhead(config.bot().institution(), region);
    }
  }

  private sealed interface Block permits Heading, Paragraph, Table, Chart {}

  private record Heading(String text) implements Block {}

  private record Paragraph(String text, boolean bold) implements Block {}

  private record Table(List<String> header, List<List<String>> rows, float[] weights, Set<Integer> rightAligned) implements Block {}

  private record Chart(byte[] png) implements Block {}

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN = 50;
  private static final float TOP = PAGE.getHeight() - 95; // below the letterhead
  private static final float BOTTOM = 60; // above the page numbers
  private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
  private static final float BODY = 10;
  private static final float CELL_PADDING = 3;

  private final Letterhead letterhead;
  private final String title;
  private final String subtitle;
  private final String printedAt;
  private final List<Block> blocks = new ArrayList<>();

  /** @param printedAt when, in words, for the foot of each page ("Senin, 23 November 2026 pukul 07.00 WIB") */
  public PdfReport(Letterhead letterhead, String title, String subtitle, String printedAt) {
    this.letterhead = letterhead;
    this.title = title;
    this.subtitle = subtitle;
    this.printedAt = printedAt;
  }

  public PdfReport heading(String text) {
    blocks.add(new Heading(text));
    return this;
  }

  public PdfReport paragraph(String text) {
    blocks.add(new Paragraph(text, false));
    return this;
  }

  public PdfReport bold(String text) {
    blocks.add(new Paragraph(text, true));
    return this;
  }

  /** A table; {@code weights} share the width between columns; {@code rightAligned} holds numeric columns. */
  public PdfReport table(List<String> header, List<List<String>> rows, float[] weights, Set<Integer> rightAligned) {
    blocks.add(new Table(header, rows, weights, rightAligned));
    return this;
  }

  /** Room for the signature of whoever approves the report. */
  public PdfReport signature() {
    blocks.add(new Paragraph("\nMengetahui,\n\n\n\n(........................................)", false));
    return this;
  }

  public PdfReport chart(byte[] png) {
    blocks.add(new Chart(png));
    return this;
  }

  public byte[] render() {
    try (PDDocument document = new PDDocument()) {
      document.getDocumentInformation().setTitle(title);
      document.getDocumentInformation().setCreator("Rakorbot");
      document.getDocumentCatalog().setMarkInfo(new PDMarkInfo());
      new Layout(document).run();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lays the blocks out page by page; page numbers are written when the count is known. */
  private final class Layout {
    private final PDDocument document;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont boldFont = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream content;
    private float y;
    /** Whether the standard fonts can show a code point, as asked of them once per document. */
    private final Map<Integer, Boolean> shown = new HashMap<>();

    Layout(PDDocument document) {
      this.document = document;
    }

    void run() throws IOException {
      newPage();
      y = write(boldFont, 15, title, MARGIN, y, WIDTH);
      if (subtitle != null && !subtitle.isBlank()) {
        y = write(regular, 10.5f, subtitle, MARGIN, y - 2, WIDTH);
      }
      y -= 8;
      for (Block block : blocks) {
        switch (block) {
          case Heading h -> {
            ensure(80); // a heading never stands alone at the foot of a page
            y -= 8;
            y = write(boldFont, 12, h.text(), MARGIN, y, WIDTH);
            y -= 2;
          }
          case Paragraph p -> y = write(p.bold() ? boldFont : regular, BODY, p.text(), MARGIN, y, WIDTH);
          case Table t -> table(t);
          case Chart c -> chart(c.png());
        }
      }
      content.close();
      numberPages();
    }

    private void newPage() throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PAGE);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      float top = PAGE.getHeight() - 40;
      text(boldFont, 11, letterhead.institution(), MARGIN, top);
      text(regular, 10, letterhead.region(), MARGIN, top - 14);
      content.setLineWidth(1.2f);
      content.moveTo(MARGIN, top - 22);
      content.lineTo(PAGE.getWidth() - MARGIN, top - 22);
      content.stroke();
      y = TOP;
    }

    /** Starts a new page unless {@code height} points are left on this one. */
    private void ensure(float height) throws IOException {
      if (y - height < BOTTOM) {
        newPage();
      }
    }

    /** Wrapped text from {@code top} down; returns the y below it. Breaks pages between lines. */
    private float write(PDFont font, float size, String text, float x, float top, float width) throws IOException {
      float at = top;
      for (String line : wrap(font, size, text, width)) {
        if (at - size * 1.35f < BOTTOM) {
          newPage();
          at = y;
        }
        at -= size * 1.35f;
        text(font, size, line, x, at);
      }
      y = at;
      return at - 2;
    }

    private void table(Table table) throws IOException {
      float total = 0;
      for (float w : table.weights()) {
        total += w;
      }
      float[] widths = new float[table.weights().length];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = WIDTH * table.weights()[i] / total;
      }
      float size = 9;
      ensure(rowHeight(table.header(), widths, size, boldFont)
          + rowHeight(table.rows().isEmpty() ? table.header() : table.rows().getFirst(), widths, size, regular) + 6);
      y -= 4;
      row(table.header(), widths, size, boldFont, true, Set.of());
      for (List<String> cells : table.rows()) {
        if (y - rowHeight(cells, widths, size, regular) < BOTTOM) {
          newPage();
          row(table.header(), widths, size, boldFont, true, Set.of()); // the header again on the new page
        }
        row(cells, widths, size, regular, false, table.rightAligned());
      }
      y -= 6;
    }

    private float rowHeight(List<String> cells, float[] widths, float size, PDFont font) throws IOException {
      int lines = 1;
      for (int i = 0; i < cells.size(); i++) {
        lines = Math.max(lines, wrap(font, size, cells.get(i), widths[i] - 2 * CELL_PADDING).size());
      }
      return lines * size * 1.3f + 2 * CELL_PADDING;
    }

    private void row(List<String> cells, float[] widths, float size, PDFont font, boolean shaded, Set<Integer> right) throws IOException {
      float height = rowHeight(cells, widths, size, font);
      float x = MARGIN;
      if (shaded) {
        content.setNonStrokingColor(0.88f, 0.90f, 0.94f);
        content.addRect(MARGIN, y - height, WIDTH, height);
        content.fill();
        content.setNonStrokingColor(0f, 0f, 0f);
      }
      content.setLineWidth(0.5f);
      for (int i = 0; i < cells.size(); i++) {
        content.addRect(x, y - height, widths[i], height);
        content.stroke();
        float lineY = y - CELL_PADDING;
        for (String line : wrap(font, size, cells.get(i), widths[i] - 2 * CELL_PADDING)) {
          lineY -= size * 1.3f;
          float textX = right.contains(i) ? x + widths[i] - CELL_PADDING - width(font, size, line) : x + CELL_PADDING;
          text(font, size, line, textX, lineY + 2);
        }
        x += widths[i];
      }
      y -= height;
    }

    private void chart(byte[] png) throws IOException {
      PDImageXObject image = PDImageXObject.createFromByteArray(document, png, "grafik");
      float scale = Math.min(1f, WIDTH / image.getWidth());
      float width = image.getWidth() * scale;
      float height = image.getHeight() * scale;
      ensure(height + 8);
      y -= height + 4;
      content.drawImage(image, MARGIN + (WIDTH - width) / 2, y, width, height);
      y -= 6;
    }

    private void numberPages() throws IOException {
      int count = document.getNumberOfPages();
      for (int i = 0; i < count; i++) {
        try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i), AppendMode.APPEND, true, true)) {
          content = foot;
          content.setLineWidth(0.5f);
          content.moveTo(MARGIN, 45);
          content.lineTo(PAGE.getWidth() - MARGIN, 45);
          content.stroke();
          text(regular, 8, "Dicetak " + printedAt + " oleh Rakorbot", MARGIN, 33);
          String number = "Halaman " + (i + 1) + " dari " + count;
          text(regular, 8, number, PAGE.getWidth() - MARGIN - width(regular, 8, number), 33);
        }
      }
    }

    private void text(PDFont font, float size, String text, float x, float baseline) throws IOException {
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(x, baseline);
      content.showText(printable(font, text));
      content.endText();
    }

    private float width(PDFont font, float size, String text) throws IOException {
      return font.getStringWidth(printable(font, text)) / 1000 * size;
    }

    /** Words onto lines no wider than {@code width}; a word longer than a line is cut. */
    private List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      for (String paragraph : printable(font, text == null ? "" : text).split("\n", -1)) {
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
          String candidate = line.isEmpty() ? word : line + " " + word;
          if (width(font, size, candidate) <= width) {
            line.setLength(0);
            line.append(candidate);
            continue;
          }
          if (!line.isEmpty()) {
            lines.add(line.toString());
            line.setLength(0);
          }
          String rest = word;
          while (width(font, size, rest) > width && rest.length() > 1) {
            int cut = rest.length() - 1;
            while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
              cut--;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut);
          }
          line.append(rest);
        }
        lines.add(line.toString());
      }
      return lines;
    }

    /** The text with what the standard fonts (WinAnsi) cannot show spelled out or left out (emoji). */
    private String printable(PDFont font, String text) {
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints().forEach(c -> {
        if (c == '\n') {
          out.append('\n');
        } else if (SPELLED.containsKey(c)) {
          out.append(SPELLED.get(c));
        } else if (shown.computeIfAbsent(c, codePoint -> encodes(font, codePoint))) {
          out.appendCodePoint(c);
        }
      });
      return out.toString();
    }
  }

  /** Both standard fonts share the WinAnsi encoding: what one can show, the other can. */
  private static boolean encodes(PDFont font, int codePoint) {
    try {
      font.encode(new String(Character.toChars(codePoint)));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  /** ▲ ▼ − ✅ → ≥ and the no-break space, in words or signs the standard fonts have. */
  private static final Map<Integer, String> SPELLED = Map.of(0x25B2, "naik", 0x25BC, "turun", 0x2212, "-", 0x2705, "(selesai)",
      0x2192, "->", 0x2265, ">=", 0x00A0, " ");
}
