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
import id.rakorbot.report.ReportDao;

/** The reports a filter selects, as table rows and map markers, and the filter's choices. */
final class ReportRows {

  /** The map shows the newest this many markers of the filter. */
  static final int MAP_MARKERS = 5_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportRows() {}

  /** The newest {@code limit} reports of a filter. */
  static List<ReportRow> reports(Handle handle, RakorbotConfig config, ReportFilter filter, int limit) {
    return handle.attach(ReportDao.class).newest(filter.query(), limit).stream().map(r -> row(config, r)).toList();
  }

  private static ReportRow row(RakorbotConfig config, id.rakorbot.report.ReportRow r) {
    String description = r.description();
    return new ReportRow(r.number(), Formats.dayClock(r.createdAt(), config.bot().zone()), label(config.reports(), r.category()),
        Formats.severityLabel(r.severity()), r.severity(), r.area().orElse("—"), r.reporterName(),
        description.length() > 280 ? description.substring(0, 279) + "…" : description, ReportStatus.label(r.status()));
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
    List<Map<String, Object>> markers = handle.attach(ReportDao.class).newest(filter.query().located(), MAP_MARKERS).stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("nomor", r.number());
      m.put("lat", r.latitude().orElseThrow());
      m.put("lon", r.longitude().orElseThrow());
      m.put("tingkat", r.severity());
      m.put("kategori", label(config.reports(), r.category()));
      m.put("wilayah", r.area().orElse(""));
      m.put("waktu", Formats.dayClock(r.createdAt(), config.bot().zone()));
      m.put("uraian", r.description());
      return m;
    }).toList();
    try {
      return JSON.writeValueAsBytes(markers);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
