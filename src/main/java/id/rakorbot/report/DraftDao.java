package id.rakorbot.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code report_draft} table: one guided report in progress per person, kept across restarts. */
@RegisterConstructorMapper(DraftDao.Draft.class)
interface DraftDao {

  /** A draft as far as it got; {@code step} as stored (see {@link DraftStep}). */
  record Draft(long userId, long chatId, Integer topicId, String step, String category, String severity, String description,
      String photoFileId, Double latitude, Double longitude) {

    DraftStep at() {
      return DraftStep.stored(step);
    }
  }

  /** Where a new draft is typed. */
  record Start(long user, long chat, Integer topic, Instant now) {}

  /** Begins a draft at its first step, replacing any earlier one of the person. */
  @SqlUpdate("""
      INSERT INTO report_draft (user_id, chat_id, topic_id, step, updated_at) VALUES (:user, :chat, :topic, 'category', :now)
      ON CONFLICT (user_id) DO UPDATE SET chat_id = :chat, topic_id = :topic, step = 'category', category = NULL,
          severity = NULL, description = NULL, photo_file_id = NULL, latitude = NULL, longitude = NULL, updated_at = :now""")
  void begin(@BindMethods Start start);

  /** The person's draft touched since {@code cutoff}, locked for the rest of the transaction. */
  @SqlQuery("""
      SELECT user_id, chat_id, topic_id, step, category, severity, description, photo_file_id, latitude, longitude
      FROM report_draft WHERE user_id = :user AND updated_at >= :cutoff FOR UPDATE""")
  Optional<Draft> find(long user, Instant cutoff);

  @SqlUpdate("UPDATE report_draft SET step = 'severity', category = :category, updated_at = :now WHERE user_id = :user")
  void chooseCategory(long user, String category, Instant now);

  @SqlUpdate("UPDATE report_draft SET step = 'description', severity = :severity, updated_at = :now WHERE user_id = :user")
  void chooseSeverity(long user, String severity, Instant now);

  @SqlUpdate("UPDATE report_draft SET step = 'extras', description = :description, updated_at = :now WHERE user_id = :user")
  void describe(long user, String description, Instant now);

  @SqlUpdate("UPDATE report_draft SET photo_file_id = :photo, updated_at = :now WHERE user_id = :user")
  void attachPhoto(long user, String photo, Instant now);

  @SqlUpdate("UPDATE report_draft SET latitude = :latitude, longitude = :longitude, updated_at = :now WHERE user_id = :user")
  void locate(long user, double latitude, double longitude, Instant now);

  @SqlUpdate("DELETE FROM report_draft WHERE user_id = :user")
  void delete(long user);

  /** Drops drafts left alone since {@code cutoff}; returns them, so their owners can be told. */
  @SqlQuery("""
      DELETE FROM report_draft WHERE updated_at < :cutoff
      RETURNING user_id, chat_id, topic_id, step, category, severity, description, photo_file_id, latitude, longitude""")
  List<Draft> expire(Instant cutoff);
}
