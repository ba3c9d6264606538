package id.rakorbot.siaga;

import java.time.LocalDate;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code siaga_notice} table: each day's reminder, silent list and daily digest of a masa siaga, claimed once. */
interface SiagaNoticeDao {

  /** Claims the notice {@code kind} of {@code day} for {@code target}; false when it was claimed already. */
  @SqlUpdate("INSERT INTO siaga_notice (day, kind, target) VALUES (:day, :kind, :target) ON CONFLICT DO NOTHING")
  boolean claim(LocalDate day, String kind, String target);
}
