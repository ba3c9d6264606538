package id.rakorbot.report;

import java.time.Instant;
import java.util.Optional;

/** A stored report as other features read it (lists, the map, the CSV, alerts). */
public record ReportRow(String number, Instant createdAt, String category, String severity, Optional<String> area,
    String reporterName, String description, String status, Optional<Double> latitude, Optional<Double> longitude) {}
