package id.rakorbot.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * One audited action.
 *
 * @param origin where exactly: {@code grup forkopimda}, {@code chat pribadi}, {@code dasbor 10.0.0.7}, {@code CLI}
 * @param actor who did it, if anyone (a config reload by the file watcher has no one)
 * @param action a stable key, e.g. {@code laporan.tutup}; {@link Actions} lists them with their Indonesian labels
 * @param subject what it was done to: a report or arahan number, a page, a file
 * @param subjectPerson the person it was about, when it was about a person (a registration, an erasure)
 * @param details anything else worth knowing, without personal data of others
 */
public record AuditEvent(Instant at, Source source, String origin, Optional<AuditPerson> actor, String action,
    String subject, Optional<AuditPerson> subjectPerson, String details) {

  public AuditEvent {
    subject = subject == null ? "" : subject;
    details = details == null ? "" : details;
  }
}
