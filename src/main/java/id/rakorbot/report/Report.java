package id.rakorbot.report;

import java.time.Instant;
import java.util.Optional;

/** A stored report. */
record Report(long id, String number, long reporterId, String reporterName, String category, Severity severity,
    Optional<String> area, String description, boolean nihil, Optional<String> photo, boolean located,
    String status, Instant createdAt) {}
