package id.rakorbot.digest;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import id.rakorbot.export.ExcelCsv;
import id.rakorbot.report.ReportStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;


/**
 * The week's reports for Excel: UTF-8 with a byte-order mark and ';' between fields, as Indonesian Excel
 * expects. Rows are streamed from PostgreSQL straight into the writer.
 */
public final class DigestCsv {

  private static final CsvSchema COLUMNS = ExcelCsv.columns(
      "Nomor", "Waktu", "Kategori", "Tingkat", "Wilayah", "Pelapor", "Uraian", "Status", "Lintang", "Bujur");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private DigestCsv() {}

  static byte[] reports(Handle handle, Week week, ZoneId zone) {
    return reports(handle, week.start(), week.end(), zone);
  }

  /** The reports of [from, to), times in {@code zone}; also the bahan rapat's period. */
  public static byte[] reports(Handle handle, java.time.Instant from, java.time.Instant to, ZoneId zone) {
    return reports(handle, "created_at >= :from AND created_at < :to", query -> query.bind("from", from).bind("to", to), zone);
  }

  /**
   * The reports a filter selects, by time: {@code where} is a condition on the report's columns whose named
   * parameters {@code bind} fills (the dashboard's filters; never a value written into the SQL).
   */
  public static byte[] reports(Handle handle, String where, java.util.function.Consumer<Query> bind, ZoneId zone) {
    return ExcelCsv.write(COLUMNS, rows -> {
      Query query = handle.createQuery("""
          SELECT number, created_at, category, severity, area, reporter_name, description, status, latitude, longitude
          FROM report""" + " WHERE " + where + " ORDER BY created_at, id");
      bind.accept(query);
      query.setFetchSize(10_000)
          .map((rs, ctx) -> List.of(rs.getString("number"),
              rs.getObject("created_at", java.time.OffsetDateTime.class).atZoneSameInstant(zone).format(TIME),
              rs.getString("category"), rs.getString("severity"), text(rs.getString("area")), rs.getString("reporter_name"),
              rs.getString("description"), ReportStatus.label(rs.getString("status")),
              text(rs.getString("latitude")), text(rs.getString("longitude"))))
          .forEach(rows::write);
    });
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
