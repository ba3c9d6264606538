package id.rakorbot.report;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import id.rakorbot.export.ExcelCsv;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import id.rakorbot.config.ReportsConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /**
   * Every report {@code query} selects, oldest first, times in {@code zone}; categories and levels in the words the
   * pages and messages use ("Narkoba", "SIAGA"), not their keys.
   */
  public static byte[] of(Handle handle, ReportQuery query, ReportsConfig config, ZoneId zone) {
    Map<String, String> labels = new HashMap<>();
    labels.put(ReportService.NIHIL.key(), ReportService.NIHIL.label());
    config.categories().forEach(c -> labels.put(c.key(), c.label()));
    return ExcelCsv.write(COLUMNS, rows -> {
      try (Stream<ReportRow> reports = handle.attach(ReportDao.class).oldestFirst(query)) {
        reports.forEach(r -> rows.write(List.of(r.number(), r.createdAt().atZone(zone).format(TIME),
            labels.getOrDefault(r.category(), r.category()), r.severity().toUpperCase(Locale.ROOT),
            r.area().orElse(""), r.reporterName(), r.description(), ReportStatus.label(r.status()),
            r.latitude().map(String::valueOf).orElse(""), r.longitude().map(String::valueOf).orElse(""))));
      }
    });
  }
}
