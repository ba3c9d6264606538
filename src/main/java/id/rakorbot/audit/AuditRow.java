package id.rakorbot.audit;

import java.time.Instant;

/** A row of the trail as the dashboard and the CSV show it; an erased person's name reads {@code [dihapus]}. */
public record AuditRow(long id, Instant at, String source, String origin, Long actorId, String actorName, String action,
    String subject, String subjectName, String details) {}
