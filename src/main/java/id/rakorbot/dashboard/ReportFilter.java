package id.rakorbot.dashboard;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.digest.Week;
import id.rakorbot.report.Severity;
import id.rakorbot.error.UserMistake;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import id.rakorbot.report.ReportQuery;

/**
 * The Laporan and Peta filters: a week and optionally a category, area, severity and status. Every value is
 * checked against the config (an unknown one is a clear refusal) and bound, never written into the SQL.
 */
record ReportFilter(Week week, Optional<String> category, Optional<String> area, Optional<String> severity, Optional<String> status) {

  static final List<String> STATUSES = List.of("open", "closed");

  static ReportFilter parse(Map<String, String> query, RakorbotConfig config, Week thisWeek) {
    Week week = Optional.ofNullable(query.get("pekan")).filter(s -> !s.isBlank())
        .map(s -> Week.parse(s, thisWeek.zone())).orElse(thisWeek);
    Optional<String> category = value(query, "kategori");
    category.ifPresent(c -> {
      if (config.reports().categories().stream().noneMatch(known -> known.key().equals(c))) {
        throw new UserMistake("Kategori '" + c + "' tidak dikenal. Pilih dari daftar kategori.");
      }
    });
    Optional<String> area = value(query, "wilayah");
    area.ifPresent(a -> {
      if (config.reports().areas().stream().noneMatch(a::equals)) {
        throw new UserMistake("Wilayah '" + a + "' tidak dikenal. Pilih dari daftar wilayah.");
      }
    });
    Optional<String> severity = value(query, "tingkat");
    severity.ifPresent(s -> {
      if (java.util.Arrays.stream(Severity.values()).noneMatch(known -> known.key().equals(s))) {
        throw new UserMistake("Tingkat '" + s + "' tidak dikenal. Pilih normal, waspada, siaga atau awas.");
      }
    });
    Optional<String> status = value(query, "status");
    status.ifPresent(s -> {
      if (!STATUSES.contains(s)) {
        throw new UserMistake("Status '" + s + "' tidak dikenal. Pilih terbuka atau ditutup.");
      }
    });
    return new ReportFilter(week, category, area, severity, status);
  }

  private static Optional<String> value(Map<String, String> query, String name) {
    return Optional.ofNullable(query.get(name)).map(String::strip).filter(s -> !s.isEmpty());
  }

  /** What the report package is asked for: the real reports (not nihil) of the week with the chosen values. */
  ReportQuery query() {
    ReportQuery query = ReportQuery.between(week.start(), week.end()).inCategories(category.stream().toList())
        .inAreas(area.stream().toList()).ofSeverities(severity.stream().toList());
    return status.map(s -> query.open(s.equals("open"))).orElse(query);
  }

  /** The same filter as a query string, for the download links and the map's data. */
  String queryString() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("pekan", week.label());
    category.ifPresent(c -> values.put("kategori", c));
    area.ifPresent(a -> values.put("wilayah", a));
    severity.ifPresent(s -> values.put("tingkat", s));
    status.ifPresent(s -> values.put("status", s));
    StringBuilder out = new StringBuilder();
    values.forEach((k, v) -> out.append(out.isEmpty() ? "?" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }
}
