package id.rakorbot.report;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import id.rakorbot.export.ExcelCsv;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * The reports a query selects, for Excel: UTF-8 with a byte-order mark and ';' between fields, as Indonesian Excel
 * expects. Rows are streamed from PostgreSQL straight into the writer; the digest, the bahan rapat and the
 * dashboard all export through here.
 */
public final class ReportCsv {

  private static final CsvSchema COLUMNS = ExcelCsv.columns(
      "Nomor", "Waktu", "Kategori", "Tingkat", "Wilayah", "Pelapor", "Uraian", "Status", "Lintang", "Bujur");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private ReportCsv() {}

  /** Every report {@code query} selects, oldest first, times in {@code zone}. */
  public static byte[] of(Handle handle, ReportQuery query, ZoneId zone) {
    return ExcelCsv.write(COLUMNS, rows -> {
      try (Stream<ReportRow> reports = handle.attach(ReportDao.class).oldestFirst(query)) {
        reports.forEach(r -> rows.write(List.of(r.number(), r.createdAt().atZone(zone).format(TIME), r.category(), r.severity(),
            r.area().orElse(""), r.reporterName(), r.description(), ReportStatus.label(r.status()),
            r.latitude().map(String::valueOf).orElse(""), r.longitude().map(String::valueOf).orElse(""))));
      }
    });
  }
}
