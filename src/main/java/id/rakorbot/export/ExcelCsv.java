package id.rakorbot.export;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * CSV as Indonesian Excel opens it with a double click: UTF-8 with a byte-order mark (else letters break)
 * and ';' between fields (Excel's list separator where the decimal comma is used). Text that people typed
 * reaches these files, so a cell that Excel would read as a formula is neutralised as OWASP recommends.
 */
public final class ExcelCsv {

  private static final CsvMapper CSV = new CsvMapper();
  /** Excel starts a formula at these; tab and carriage return also start one in some importers. */
  private static final String FORMULA_STARTS = "=+-@\t\r";
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?");

  private ExcelCsv() {}

  /** Rows written one by one, so a large export streams instead of being held twice. */
  public interface Rows {
    void write(List<String> row);
  }

  public static CsvSchema columns(String... names) {
    CsvSchema.Builder schema = CsvSchema.builder();
    for (String name : names) {
      schema.addColumn(name);
    }
    return schema.setColumnSeparator(';').setUseHeader(true).build();
  }

  public static byte[] write(CsvSchema columns, List<List<String>> rows) {
    return write(columns, out -> rows.forEach(out::write));
  }

  public static byte[] write(CsvSchema columns, Consumer<Rows> producer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      out.write('\uFEFF');
      try (SequenceWriter rows = CSV.writer(columns).writeValues(out)) {
        producer.accept(row -> {
          try {
            rows.write(row.stream().map(ExcelCsv::cell).toList());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A cell as Excel will show it and never evaluate: text starting with {@code = + - @}, tab or CR gets a
   * leading apostrophe; a plain number such as a negative latitude stays a number.
   */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    if (FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(value).matches()) {
      return "'" + value;
    }
    return value;
  }
}
