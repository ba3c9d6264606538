package id.rakorbot.audit;

import java.util.Optional;

/**
 * Someone an audit row names: a Telegram user (with the name they had), or an operator at the command line.
 * Rows point to people through {@code audit_person}, which an erasure blanks; the rows themselves never change.
 */
public record AuditPerson(Optional<Long> userId, String name) {

  public static AuditPerson user(long userId, String name) {
    return new AuditPerson(Optional.of(userId), name == null ? "" : name);
  }

  /** Whoever ran a command on the server (no Telegram account): the operating-system user, for what it says. */
  public static AuditPerson operator() {
    return new AuditPerson(Optional.empty(), "operator CLI (" + System.getProperty("user.name", "?") + ")");
  }
}
