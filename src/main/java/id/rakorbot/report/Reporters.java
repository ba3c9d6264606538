package id.rakorbot.report;

import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Who may report: roster pelapor and admins from the config, and people admins approved in the bot. */
public final class Reporters {

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
    return handle.attach(ReporterDao.class).approved(userId).map(r -> reporter(userId, r));
  }

  /** The people admins approved as reporters for an area (the roster's pelapor are in the config). */
  public static List<Long> approvedIn(Handle handle, String area) {
    return handle.attach(ReporterDao.class).approvedIn(area);
  }

  /** Files a registration; false when the person is already approved or waiting. */
  static boolean request(Handle handle, long userId, String name, String jabatan, String wilayah, Instant now) {
    return handle.attach(ReporterDao.class).request(userId, name, jabatan, wilayah, now);
  }

  /** Decides a waiting registration; empty when there is none (decided already by another admin). */
  static Optional<Reporter> decide(Handle handle, long userId, boolean approve, long adminId, Instant now) {
    return handle.attach(ReporterDao.class).decide(userId, approve ? "approved" : "rejected", adminId, now).map(r -> reporter(userId, r));
  }

  private static Reporter reporter(long userId, ReporterDao.Registered registered) {
    return new Reporter(userId, registered.name(), registered.jabatan(), Optional.of(registered.wilayah()));
  }
}
