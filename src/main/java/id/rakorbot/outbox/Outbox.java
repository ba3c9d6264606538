package id.rakorbot.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rakorbot.storage.Jdbc;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

/**
 * Queues outgoing Bot API calls inside the caller's transaction; the sender delivers them after commit,
 * by {@link Priority} and in order within a chat. Features keep their own rows about what they sent by the
 * id {@code enqueue} returns, and ask {@link #sent} for the Telegram message it became.
 */
public final class Outbox {

  /** A message as Telegram knows it. */
  public record Sent(long chatId, long messageId) {}

  private static final String INSERT = """
      INSERT INTO outbox_message (chat_id, method, payload, priority, dedup_key, recipient_id, merge_key, merge_line)
      VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?)
      ON CONFLICT (dedup_key) DO NOTHING
      RETURNING id""";

  private final ObjectMapper json;
  private final Runnable wakeSender;

  public Outbox(ObjectMapper json, Runnable wakeSender) {
    this.json = json;
    this.wakeSender = wakeSender;
  }

  /** Queues {@code method} for {@code chatId}; returns its outbox id. */
  public long enqueue(Handle handle, long chatId, BotApiMethod<?> method, Priority priority) {
    return insert(handle, chatId, OutgoingMethods.nameOf(method), write(method), priority, null, null, null, null).orElseThrow();
  }

  /**
   * Queues {@code method} unless a message with the same {@code dedupKey} was queued before, for messages that
   * must go out once however often their cause is seen (a reminder, an alert). Empty when it was a repeat.
   */
  public Optional<Long> enqueue(Handle handle, long chatId, BotApiMethod<?> method, Priority priority, Optional<String> dedupKey) {
    return insert(handle, chatId, OutgoingMethods.nameOf(method), write(method), priority, dedupKey.orElse(null), null, null, null);
  }

  /**
   * Queues a message that carries a secret (a dashboard link): once it is sent, or given up on, its text in
   * the table is replaced, so that no one reading the database later finds the link there.
   */
  public long enqueueSecret(Handle handle, long chatId, BotApiMethod<?> method, Priority priority) {
    long id = enqueue(handle, chatId, method, priority);
    handle.attach(OutboxDao.class).markSecret(id);
    return id;
  }

  /** Queues a reply to {@code userId} in a group: counted, so that one user's flood can be capped. */
  public void enqueueReplyTo(Handle handle, long chatId, long userId, BotApiMethod<?> method) {
    insert(handle, chatId, OutgoingMethods.nameOf(method), write(method), Priority.REPLY, null, userId, null, null);
  }

  /**
   * Where an answer meant for one person goes when Telegram refuses the ephemeral message: {@code message} to
   * {@code chatId}, deleted {@code deleteAfter} after it was sent if set (an answer left in the group for a while).
   */
  public record Fallback(long chatId, SendMessage message, Optional<java.time.Duration> deleteAfter) {}

  /** Queues an ephemeral answer for one person in a group, with the message that takes its place if it is refused. */
  public long enqueueForOne(Handle handle, long chatId, EphemeralMessage message, Fallback fallback) {
    long id = insert(handle, chatId, OutgoingMethods.nameOf(message), write(message), Priority.REPLY, null, message.receiverUserId(),
        null, null).orElseThrow();
    var stored = json.createObjectNode().put("chat_id", fallback.chatId());
    stored.set("payload", json.valueToTree(fitted(fallback.message())));
    fallback.deleteAfter().ifPresent(d -> stored.put("delete_after_seconds", d.toSeconds()));
    handle.attach(OutboxDao.class).setFallback(id, stored.toString());
    return id;
  }

  /** How many replies to {@code userId} wait to be sent in {@code chatId}. */
  public int pendingRepliesTo(Handle handle, long chatId, long userId) {
    return handle.attach(OutboxDao.class).pendingRepliesTo(chatId, userId);
  }

  /**
   * Queues a message that may be merged: while more than {@link OutboxSender#MERGE_ABOVE} of the same
   * {@code mergeKey} wait for a chat, the sender sends one message built by the {@link Merger} of that key
   * from their {@code line}s instead of each of them.
   */
  public Optional<Long> enqueueMergeable(Handle handle, long chatId, BotApiMethod<?> method, Priority priority,
      Optional<String> dedupKey, String mergeKey, String line) {
    return insert(handle, chatId, OutgoingMethods.nameOf(method), write(method), priority, dedupKey.orElse(null), null, mergeKey, line);
  }

  /** Queues a file (an export, a chart) for {@code chatId}; sent with sendDocument or sendPhoto. */
  public Optional<Long> enqueueFile(Handle handle, long chatId, Optional<Integer> topic, OutgoingFile file, Priority priority,
      Optional<String> dedupKey) {
    OutgoingFile fitted = new OutgoingFile(file.kind(), file.filename(), file.content(), TextLimits.fit(file.caption(), TextLimits.CAPTION));
    return insert(handle, chatId, fitted.kind().method(), writeFile(chatId, topic, fitted), priority, dedupKey.orElse(null), null, null, null);
  }

  /**
   * Makes a queued message leave no trace once delivered or given up on: its row is deleted then (a person's own
   * data export, the notice of their erasure).
   */
  public void forgetOnceSent(Handle handle, long outboxId) {
    handle.attach(OutboxDao.class).markForget(outboxId);
  }

  /** A group became a supergroup ({@code oldChatId} is gone): the messages still waiting for it go to {@code newChatId}. */
  public void moveChat(Handle handle, long oldChatId, long newChatId) {
    handle.attach(OutboxDao.class).moveChat(oldChatId, newChatId);
  }

  /** The Telegram message that outbox message {@code outboxId} became, once sent. */
  public Optional<Sent> sent(Handle handle, long outboxId) {
    return handle.attach(OutboxDao.class).sent(outboxId);
  }

  /** The outbox message that became Telegram message {@code messageId} in {@code chatId}. */
  public Optional<Long> findSent(Handle handle, long chatId, long messageId) {
    return handle.attach(OutboxDao.class).findSent(chatId, messageId);
  }

  /** Plain JDBC: this runs for nearly every update processed (see {@link Jdbc}). */
  private Optional<Long> insert(Handle handle, long chatId, String method, String payload, Priority priority, String dedupKey,
      Long recipient, String mergeKey, String mergeLine) {
    Optional<Long> id = Jdbc.run(handle, INSERT, statement -> {
      statement.setLong(1, chatId);
      statement.setString(2, method);
      statement.setString(3, payload);
      statement.setInt(4, priority.ordinal());
      statement.setString(5, dedupKey);
      statement.setObject(6, recipient, Types.BIGINT);
      statement.setString(7, mergeKey);
      statement.setString(8, mergeLine);
      try (ResultSet inserted = statement.executeQuery()) {
        return inserted.next() ? Optional.of(inserted.getLong(1)) : Optional.<Long>empty();
      }
    });
    handle.afterCommit(wakeSender::run);
    return id;
  }

  private String writeFile(long chatId, Optional<Integer> topic, OutgoingFile file) {
    try {
      return json.writeValueAsString(new OutgoingFile.Stored(chatId, topic.orElse(null), file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot serialise a file", e);
    }
  }

  private static SendMessage fitted(SendMessage message) {
    message.setText(TextLimits.fit(message.getText(), TextLimits.MESSAGE));
    return message;
  }

  /** The payload as sent: a text over Telegram's limit is cut to fit ({@link TextLimits}), never refused. */
  private String write(BotApiMethod<?> method) {
    if (method instanceof SendMessage message) {
      fitted(message);
    } else if (method instanceof EphemeralMessage ephemeral) {
      ephemeral.setText(TextLimits.fit(ephemeral.getText(), TextLimits.MESSAGE));
    } else if (method instanceof EditMessageText edit) {
      edit.setText(TextLimits.fit(edit.getText(), TextLimits.MESSAGE));
    }
    try {
      return json.writeValueAsString(method);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot serialise " + method.getMethod(), e);
    }
  }
}
