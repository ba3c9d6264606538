package id.rakorbot.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.ReportsConfig;
import id.rakorbot.dashboard.Views.Option;
import id.rakorbot.dashboard.Views.ReportRow;
import id.rakorbot.report.ReportStatus;
import id.rakorbot.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** The reports a filter selects, as table rows and map markers, and the filter's choices. */
final class ReportRows {

  /** The map shows the newest this many markers of the filter. */
  static final int MAP_MARKERS = 5_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportRows() {}

  /** The newest {@code limit} reports of a filter. */
  static List<ReportRow> reports(Handle handle, RakorbotConfig config, ReportFilter filter, int limit) {
    Query query = handle.createQuery("""
        SELECT number, created_at, category, severity, area, reporter_name, description, status FROM report""" + " WHERE " + filter.where() + " ORDER BY created_at DESC, id DESC LIMIT :limit");
    filter.bind(query);
    return query.bind("limit", limit).map((rs, ctx) -> row(config, rs)).list();
  }

  private static ReportRow row(RakorbotConfig config, java.sql.ResultSet rs) throws java.sql.SQLException {
    String severity = rs.getString("severity");
    String description = rs.getString("description");
    return new ReportRow(rs.getString("number"),
        Formats.dayClock(rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(), config.bot().zone()),
        label(config.reports(), rs.getString("category")), Formats.severityLabel(severity), severity,
        rs.getString("area") == null ? "—" : rs.getString("area"), rs.getString("reporter_name"),
        description.length() > 280 ? description.substring(0, 279) + "…" : description, ReportStatus.label(rs.getString("status")));
  }

  private static String label(ReportsConfig reports, String key) {
    return reports.categories().stream().filter(c -> c.key().equals(key)).map(ReportsConfig.Category::label).findFirst().orElse(key);
  }

  static List<Option> categories(RakorbotConfig config, ReportFilter filter) {
    List<Option> options = new ArrayList<>(List.of(new Option("", "Semua kategori", filter.category().isEmpty())));
    config.reports().categories().forEach(c -> options.add(new Option(c.key(), c.label(), filter.category().filter(c.key()::equals).isPresent())));
    return options;
  }

  static List<Option> areas(RakorbotConfig config, ReportFilter filter) {
    List<Option> options = new ArrayList<>(List.of(new Option("", "Semua wilayah", filter.area().isEmpty())));
    config.reports().areas().forEach(a -> options.add(new Option(a, a, filter.area().filter(a::equals).isPresent())));
    return options;
  }

  static List<Option> severities(ReportFilter filter) {
    List<Option> options = new ArrayList<>(List.of(new Option("", "Semua tingkat", filter.severity().isEmpty())));
    for (Severity s : Severity.values()) {
      options.add(new Option(s.key(), s.label(), filter.severity().filter(s.key()::equals).isPresent()));
    }
    return options;
  }

  static List<Option> statuses(ReportFilter filter) {
    List<Option> options = new ArrayList<>(List.of(new Option("", "Semua status", filter.status().isEmpty())));
    ReportFilter.STATUSES.forEach(s -> options.add(new Option(s, ReportStatus.label(s), filter.status().filter(s::equals).isPresent())));
    return options;
  }

  /** The markers of a filter as JSON: number, position, severity, category, area, time, description. */
  static byte[] markers(Handle handle, RakorbotConfig config, ReportFilter filter) {
    Query query = handle.createQuery("""
        SELECT number, created_at, category, severity, area, description, latitude, longitude FROM report""" + " WHERE " + filter.where() + " AND latitude IS NOT NULL AND longitude IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT :limit");
    filter.bind(query);
    List<Map<String, Object>> markers = query.bind("limit", MAP_MARKERS).map((rs, ctx) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("nomor", rs.getString("number"));
      m.put("lat", rs.getDouble("latitude"));
      m.put("lon", rs.getDouble("longitude"));
      m.put("tingkat", rs.getString("severity"));
      m.put("kategori", label(config.reports(), rs.getString("category")));
      m.put("wilayah", rs.getString("area") == null ? "" : rs.getString("area"));
      m.put("waktu", Formats.dayClock(rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(), config.bot().zone()));
      m.put("uraian", rs.getString("description"));
      return m;
    }).list();
    try {
      return JSON.writeValueAsBytes(markers);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
