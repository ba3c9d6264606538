package id.rakorbot.report;

import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.Role;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Who may report: roster pelapor and admins from the config, and people admins approved in the bot. */
final class Reporters {

  /** A reporter as reports name them. */
  record Reporter(long userId, String name, String jabatan, Optional<String> wilayah) {}

  private Reporters() {}

  static Optional<Reporter> find(Handle handle, RakorbotConfig config, long userId) {
    Optional<Official> official = config.official(userId);
    if (official.isPresent()) {
      Official o = official.get();
      return o.has(Role.PELAPOR) || o.has(Role.ADMIN)
          ? Optional.of(new Reporter(userId, o.name(), o.jabatan() == null ? "" : o.jabatan(), Optional.ofNullable(o.wilayah())))
          : Optional.empty();
    }
    return handle.createQuery("SELECT name, jabatan, wilayah FROM reporter WHERE user_id = :user AND status = 'approved'")
        .bind("user", userId)
        .map((rs, ctx) -> new Reporter(userId, rs.getString("name"), rs.getString("jabatan"), Optional.of(rs.getString("wilayah"))))
        .findOne();
  }

  /** Files a registration; false when the person is already approved or waiting. */
  static boolean request(Handle handle, long userId, String name, String jabatan, String wilayah, Instant now) {
    return handle.createUpdate("""
            INSERT INTO reporter (user_id, name, jabatan, wilayah, status, requested_at)
            VALUES (:user, :name, :jabatan, :wilayah, 'pending', :now)
            ON CONFLICT (user_id) DO UPDATE SET name = :name, jabatan = :jabatan, wilayah = :wilayah,
                status = 'pending', requested_at = :now, decided_by = NULL, decided_at = NULL
            WHERE reporter.status = 'rejected'""")
        .bind("user", userId).bind("name", name).bind("jabatan", jabatan).bind("wilayah", wilayah).bind("now", now)
        .execute() == 1;
  }

  /** Decides a waiting registration; empty when there is none (decided already by another admin). */
  static Optional<Reporter> decide(Handle handle, long userId, boolean approve, long adminId, Instant now) {
    return handle.createQuery("""
            UPDATE reporter SET status = :status, decided_by = :admin, decided_at = :now
            WHERE user_id = :user AND status = 'pending'
            RETURNING name, jabatan, wilayah""")
        .bind("status", approve ? "approved" : "rejected").bind("admin", adminId).bind("now", now).bind("user", userId)
        .map((rs, ctx) -> new Reporter(userId, rs.getString("name"), rs.getString("jabatan"), Optional.of(rs.getString("wilayah"))))
        .findOne();
  }
}
