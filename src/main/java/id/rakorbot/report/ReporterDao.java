package id.rakorbot.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code reporter} table: people who registered with /daftar, and what an admin decided. */
@RegisterConstructorMapper(ReporterDao.Registered.class)
interface ReporterDao {

  record Registered(String name, String jabatan, String wilayah) {}

  @SqlQuery("SELECT name, jabatan, wilayah FROM reporter WHERE user_id = :user AND status = 'approved'")
  Optional<Registered> approved(long user);

  @SqlQuery("SELECT user_id FROM reporter WHERE status = 'approved' AND lower(wilayah) = lower(:area)")
  List<Long> approvedIn(String area);

  /** Files a registration; false when the person is already approved or waiting. */
  @SqlUpdate("""
      INSERT INTO reporter (user_id, name, jabatan, wilayah, status, requested_at)
      VALUES (:user, :name, :jabatan, :wilayah, 'pending', :now)
      ON CONFLICT (user_id) DO UPDATE SET name = :name, jabatan = :jabatan, wilayah = :wilayah,
          status = 'pending', requested_at = :now, decided_by = NULL, decided_at = NULL
      WHERE reporter.status = 'rejected'""")
  boolean request(long user, String name, String jabatan, String wilayah, Instant now);

  /** Decides a waiting registration; empty when there is none (another admin decided already). */
  @SqlQuery("""
      UPDATE reporter SET status = :status, decided_by = :admin, decided_at = :now
      WHERE user_id = :user AND status = 'pending'
      RETURNING name, jabatan, wilayah""")
  Optional<Registered> decide(long user, String status, long admin, Instant now);
}
