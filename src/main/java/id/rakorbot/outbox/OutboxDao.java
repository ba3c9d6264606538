package id.rakorbot.outbox;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code outbox_message} table. */
@RegisterConstructorMapper(OutboxDao.Head.class)
@RegisterConstructorMapper(OutboxDao.Claimed.class)
@RegisterConstructorMapper(Outbox.Sent.class)
interface OutboxDao {

  /** A secret's text (a dashboard link) is not kept once the message has left or been given up on. */
  String FORGET_SECRET = """
      payload = CASE WHEN secret THEN jsonb_set(payload, '{text}', to_jsonb('[tautan rahasia dihapus setelah pengiriman]'::text))
                     ELSE payload END""";

  /** A chat's next message: what the sender needs to decide whether the limits allow it now. */
  record Head(long id, long chatId, int priority, String mergeKey) {}

  /** A message in a sender's hands. */
  record Claimed(long id, long chatId, String method, String payload, int attempts, String mergeLine, boolean hasFallback) {}

  /** A message due to leave its group: its Telegram id. */
  record ToDelete(long id, long chatId, long telegramMessageId) {}

  @SqlUpdate("UPDATE outbox_message SET fallback = CAST(:fallback AS jsonb) WHERE id = :id")
  void setFallback(long id, String fallback);

  /** The ephemeral message was refused: its fallback takes its place, to be sent at once. */
  @SqlUpdate("""
      UPDATE outbox_message SET chat_id = (fallback->>'chat_id')::bigint, method = 'sendmessage', payload = fallback->'payload',
             delete_after_seconds = (fallback->>'delete_after_seconds')::integer, recipient_id = NULL, fallback = NULL,
             attempts = 0, claimed_until = NULL, not_before = now(), last_error = :error
      WHERE id = :id AND fallback IS NOT NULL AND status = 'pending'""")
  void useFallback(long id, String error);

  /** Messages sent that stay only a while: their moment to go, on the bot's clock. */
  @SqlUpdate("""
      UPDATE outbox_message SET delete_due_at = CAST(:now AS timestamptz) + make_interval(secs => delete_after_seconds)
      WHERE delete_after_seconds IS NOT NULL AND delete_due_at IS NULL AND status = 'sent'""")
  int scheduleDeletes(java.time.Instant now);

  /** Those whose moment came, taken once (across instances): the row no longer asks to be deleted. */
  @SqlQuery("""
      UPDATE outbox_message SET delete_after_seconds = NULL
      WHERE delete_after_seconds IS NOT NULL AND delete_due_at <= CAST(:now AS timestamptz) AND status = 'sent' AND telegram_message_id IS NOT NULL
      RETURNING id, chat_id, telegram_message_id""")
  @RegisterConstructorMapper(ToDelete.class)
  List<ToDelete> takeDueDeletes(java.time.Instant now);

  @SqlQuery("SELECT count(*) FROM outbox_message WHERE chat_id = :chatId AND recipient_id = :userId AND status = 'pending'")
  int pendingRepliesTo(long chatId, long userId);

  @SqlQuery("SELECT chat_id, telegram_message_id AS message_id FROM outbox_message WHERE id = :id AND telegram_message_id IS NOT NULL")
  Optional<Outbox.Sent> sent(long id);

  @SqlQuery("SELECT id FROM outbox_message WHERE chat_id = :chatId AND telegram_message_id = :messageId ORDER BY id LIMIT 1")
  Optional<Long> findSent(long chatId, long messageId);

  /**
   * Each chat's head message (lowest class, then oldest) that is due and not in another sender's hands, best
   * first. The recursive part skips from one chat to the next in the pending index (a loose index scan), so
   * the cost grows with the number of chats waiting, not with the number of messages.
   */
  @SqlQuery("""
      WITH RECURSIVE chats AS (
          (SELECT chat_id FROM outbox_message WHERE status = 'pending' ORDER BY chat_id LIMIT 1)
          UNION ALL
          SELECT (SELECT o.chat_id FROM outbox_message o
                  WHERE o.status = 'pending' AND o.chat_id > chats.chat_id ORDER BY o.chat_id LIMIT 1)
          FROM chats WHERE chats.chat_id IS NOT NULL)
      SELECT head.id, head.chat_id, head.priority, head.merge_key
      FROM chats
      CROSS JOIN LATERAL (
          SELECT o.id, o.chat_id, o.priority, o.not_before, o.claimed_until, o.merge_key FROM outbox_message o
          WHERE o.status = 'pending' AND o.chat_id = chats.chat_id
          ORDER BY o.priority, o.id LIMIT 1) head
      WHERE chats.chat_id IS NOT NULL AND head.not_before <= now()
        AND (head.claimed_until IS NULL OR head.claimed_until < now())
      ORDER BY head.priority, head.id
      LIMIT :limit""")
  List<Head> heads(int limit);

  /** Takes a message for {@code leaseSeconds}; empty when another sender has it or it is no longer pending. */
  @SqlQuery("""
      UPDATE outbox_message SET claimed_by = :instance, claimed_until = now() + make_interval(secs => :leaseSeconds)
      WHERE id = :id AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
      RETURNING id, chat_id, method, payload::text AS payload, attempts, merge_line, fallback IS NOT NULL AS has_fallback""")
  Optional<Claimed> claim(long id, String instance, double leaseSeconds);

  @SqlQuery("SELECT count(*) FROM outbox_message WHERE chat_id = :chatId AND merge_key = :mergeKey AND status = 'pending'")
  int pendingMergeable(long chatId, String mergeKey);

  /** Takes every waiting message of a merge key in a chat (up to {@code limit}), oldest first. */
  @SqlQuery("""
      UPDATE outbox_message SET claimed_by = :instance, claimed_until = now() + make_interval(secs => :leaseSeconds)
      WHERE id IN (SELECT id FROM outbox_message
                   WHERE chat_id = :chatId AND merge_key = :mergeKey AND status = 'pending' AND not_before <= now()
                     AND (claimed_until IS NULL OR claimed_until < now())
                   ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
      RETURNING id, chat_id, method, payload::text AS payload, attempts, merge_line, fallback IS NOT NULL AS has_fallback""")
  List<Claimed> claimMergeable(long chatId, String mergeKey, String instance, double leaseSeconds, int limit);

  @SqlUpdate("""
      UPDATE outbox_message SET status = 'sent', sent_at = now(), telegram_message_id = :messageId,
             attempts = attempts + 1, last_error = NULL, claimed_until = NULL,""" + FORGET_SECRET + """

      WHERE id = ANY(:ids) AND status = 'pending'""")
  void markSent(@Bind("ids") long[] ids, Long messageId);

  @SqlUpdate("""
      UPDATE outbox_message SET attempts = attempts + 1, last_error = :error, claimed_until = NULL,
             not_before = now() + make_interval(secs => :seconds)
      WHERE id = ANY(:ids)""")
  void retryLater(@Bind("ids") long[] ids, double seconds, String error);

  /** Gives messages back untouched (a sender stopping before it sent them). */
  @SqlUpdate("UPDATE outbox_message SET claimed_until = NULL WHERE id = ANY(:ids) AND status = 'pending'")
  void release(@Bind("ids") long[] ids);

  @SqlUpdate("""
      UPDATE outbox_message SET status = 'dead', attempts = attempts + 1, last_error = :error, claimed_until = NULL,""" + FORGET_SECRET + """

      WHERE id = ANY(:ids)""")
  void dead(@Bind("ids") long[] ids, String error);

  /** A class of messages waiting to be sent, and how many. */
  record Waiting(int priority, long n) {}

  @SqlQuery("SELECT priority, count(*) AS n FROM outbox_message WHERE status = 'pending' GROUP BY priority")
  @RegisterConstructorMapper(Waiting.class)
  List<Waiting> pendingByPriority();

  @SqlQuery("SELECT min(created_at) FROM outbox_message WHERE status = 'pending'")
  Optional<java.time.Instant> oldestPending();

  /** A group became a supergroup: its waiting messages go to the new id. */
  @SqlUpdate("""
      UPDATE outbox_message
      SET chat_id = :newChatId, payload = jsonb_set(payload, '{chat_id}', to_jsonb(CAST(:newChatId AS text)))
      WHERE chat_id = :oldChatId AND status = 'pending'""")
  void moveChat(long oldChatId, long newChatId);

  @SqlUpdate("UPDATE outbox_message SET forget = true WHERE id = :id")
  void markForget(long id);

  @SqlUpdate("DELETE FROM outbox_message WHERE id = ANY(:ids) AND forget AND status <> 'pending'")
  void forgetDelivered(@Bind("ids") long[] ids);

  @SqlUpdate("UPDATE outbox_message SET secret = true WHERE id = :id")
  void markSecret(long id);
}
