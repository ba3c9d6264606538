package id.rakorbot.digest;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The week's reports for Excel: UTF-8 with a byte-order mark and ';' between fields, as Indonesian Excel
 * expects. Rows are streamed from PostgreSQL straight into the writer.
 */
final class DigestCsv {

  private static final CsvSchema COLUMNS = CsvSchema.builder()
      .addColumn("Nomor").addColumn("Waktu").addColumn("Kategori").addColumn("Tingkat").addColumn("Wilayah")
      .addColumn("Pelapor").addColumn("Uraian").addColumn("Status").addColumn("Lintang").addColumn("Bujur")
      .setColumnSeparator(';').setUseHeader(true).build();
  private static final CsvMapper CSV = new CsvMapper();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private DigestCsv() {}

  static byte[] reports(Handle handle, Week week, ZoneId zone) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      out.write('\uFEFF');
      try (SequenceWriter rows = CSV.writer(COLUMNS).writeValues(out)) {
        handle.createQuery("""
                SELECT number, created_at, category, severity, area, reporter_name, description, status, latitude, longitude
                FROM report WHERE created_at >= :from AND created_at < :to ORDER BY created_at, id""")
            .bind("from", week.start()).bind("to", week.end())
            .setFetchSize(10_000)
            .map((rs, ctx) -> List.of(rs.getString("number"),
                rs.getObject("created_at", java.time.OffsetDateTime.class).atZoneSameInstant(zone).format(TIME),
                rs.getString("category"), rs.getString("severity"), text(rs.getString("area")), rs.getString("reporter_name"),
                rs.getString("description"), rs.getString("status").equals("open") ? "terbuka" : "ditutup",
                text(rs.getString("latitude")), text(rs.getString("longitude"))))
            .forEach(row -> {
              try {
                rows.write(row);
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

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
