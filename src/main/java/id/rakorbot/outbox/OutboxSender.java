package id.rakorbot.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rakorbot.background.Worker;
import id.rakorbot.ops.BotMetrics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Delivers the outbox within Telegram's limits ({@link RateLimiter}), by class ({@link Priority}) and in
 * order within each chat. One dispatcher picks each chat's head message (an index-only query), claims it
 * with a lease in a short statement, and hands it to a sending thread, which calls Telegram outside any
 * transaction and records the answer in another short one. So a slow Telegram holds neither a row lock nor
 * a pooled connection, and many sends are in flight at once. A lease that runs out (the process died
 * mid-send) makes the message claimable again. The dispatcher sleeps until the next global slot and opens no
 * transaction while none is free.
 *
 * <p>If the database fails between Telegram's answer and recording it, the answer is kept in memory and
 * recorded when the database is back. The one window left for a duplicate is a crash of the process between
 * Telegram accepting a message and its recording: Telegram's API has no idempotency key, so nothing can tell
 * afterwards whether that send arrived, and it is sent again when its lease runs out.
 */
public final class OutboxSender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final Duration IDLE_WAIT = Duration.ofMillis(500);
  /** How many chats' heads one look at the outbox returns. */
  private static final int CANDIDATES = 200;
  /** Sends in flight at once: Telegram answers in 50-300 ms, and 30 messages a second need several. */
  private static final int MAX_IN_FLIGHT = 16;
  /** More than this many mergeable messages waiting for a chat are sent as one. */
  static final int MERGE_ABOVE = 3;
  private static final int MERGE_AT_MOST = 500;
  /** How often a standby instance looks whether it leads now. */
  private static final Duration STANDBY_WAIT = Duration.ofMillis(500);
  private volatile BooleanSupplier leading = () -> true;

  /** Look at the outbox again at least this often while candidates remain, and at most this often when woken. */
  private static final Duration REFRESH_EVERY = Duration.ofSeconds(1);
  private static final Duration REFRESH_AT_MOST = Duration.ofMillis(100);

  private final Jdbi jdbi;
  private final OutboxDao dao;
  private final SendCall calls;
  private final RateLimiter limits;
  private final String instance = UUID.randomUUID().toString();
  private final Duration lease;
  private final Map<String, Merger> mergers = new HashMap<>();
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<SendCall.Outcome> unrecorded = new ConcurrentLinkedQueue<>();
  private final Deque<OutboxDao.Head> candidates = new ArrayDeque<>();
  private final ExecutorService sending = Executors.newFixedThreadPool(MAX_IN_FLIGHT,
      Thread.ofPlatform().name("outbox-send-", 0).daemon().factory());
  private volatile boolean stale = true;
  private long refreshedAt = Long.MIN_VALUE;
  private volatile Worker dispatcher;

  /** Times here are the database's: delivery happens in real time, whatever clock the features run on. */
  public OutboxSender(Jdbi jdbi, TelegramClient telegram, ObjectMapper json, ChatEvents chats, SendLimits sendLimits,
      BotMetrics metrics) {
    this(jdbi, telegram, json, chats, Duration.ofSeconds(30), sendLimits, metrics);
  }

  /** @param lease how long a claimed message stays with this sender; longer than the HTTP client's time limit */
  OutboxSender(Jdbi jdbi, TelegramClient telegram, ObjectMapper json, ChatEvents chats, Duration lease, SendLimits sendLimits,
      BotMetrics metrics) {
    this.jdbi = jdbi;
    this.limits = new RateLimiter(System::nanoTime, sendLimits);
    this.dao = jdbi.onDemand(OutboxDao.class);
    this.calls = new SendCall(telegram, json, chats, limits, metrics);
    this.lease = lease;
  }

  /** Waiting messages of {@code mergeKey} are merged into one by {@code merger}; register before {@link #start}. */
  public void mergeWith(String mergeKey, Merger merger) {
    mergers.put(mergeKey, merger);
  }

  /**
   * Sends only while {@code leading} holds: one instance sends for the whole bot, so Telegram's limits
   * (30 a second, 1 a second per chat, 20 a minute per group), kept here in memory, hold for the bot and
   * not per process. Register before {@link #start}.
   */
  public void sendOnlyWhile(BooleanSupplier leading) {
    this.leading = leading;
  }

  public void start() {
    dispatcher = Worker.start("outbox-dispatcher", 1, this::dispatch);
  }

  /** Tells the sender that new messages are waiting. */
  public void wake() {
    stale = true;
    Worker worker = dispatcher;
    if (worker != null) {
      worker.wake();
    }
  }

  /** Whether the dispatcher loop is running. */
  public boolean alive() {
    Worker worker = dispatcher;
    return worker != null && worker.alive();
  }

  /** Dispatches one message if a slot and a message are there; returns how long to wait before the next try. */
  Duration dispatch() {
    recordUnrecorded();
    if (!leading.getAsBoolean()) {
      return STANDBY_WAIT;
    }
    if (inFlight.size() >= MAX_IN_FLIGHT) {
      return IDLE_WAIT; // a finishing send wakes the dispatcher
    }
    Duration global = limits.untilGlobalSlot();
    if (!global.isZero()) {
      return global;
    }
    refreshIfDue();
    Duration wait = IDLE_WAIT;
    for (Iterator<OutboxDao.Head> it = candidates.iterator(); it.hasNext(); ) {
      OutboxDao.Head head = it.next();
      if (inFlight.contains(head.chatId())) {
        continue;
      }
      Priority priority = Priority.values()[head.priority()];
      Duration chatWait = limits.chatWait(head.chatId(), priority);
      if (!chatWait.isZero()) {
        wait = chatWait.compareTo(wait) < 0 ? chatWait : wait;
        continue;
      }
      it.remove();
      List<OutboxDao.Claimed> claimed = claim(head);
      if (claimed.isEmpty()) {
        continue; // another sender has it, or it was sent meanwhile
      }
      Duration slot = limits.tryAcquire(head.chatId(), priority); // free unless time ran backwards: checked above
      if (!slot.isZero()) {
        dao.release(claimed.stream().mapToLong(OutboxDao.Claimed::id).toArray());
        return slot;
      }
      inFlight.add(head.chatId());
      sending.execute(() -> send(head, claimed));
      return Duration.ZERO;
    }
    return wait;
  }

  private void refreshIfDue() {
    long now = System.nanoTime();
    long since = now - refreshedAt;
    boolean due = candidates.isEmpty() || refreshedAt == Long.MIN_VALUE || since >= REFRESH_EVERY.toNanos()
        || stale && since >= REFRESH_AT_MOST.toNanos();
    if (due) {
      stale = false;
      refreshedAt = now;
      candidates.clear();
      candidates.addAll(dao.heads(CANDIDATES));
    }
  }

  private List<OutboxDao.Claimed> claim(OutboxDao.Head head) {
    double seconds = lease.toMillis() / 1000.0;
    Merger merger = head.mergeKey() == null ? null : mergers.get(head.mergeKey());
    if (merger != null && dao.pendingMergeable(head.chatId(), head.mergeKey()) > MERGE_ABOVE) {
      List<OutboxDao.Claimed> all = dao.claimMergeable(head.chatId(), head.mergeKey(), instance, seconds, MERGE_AT_MOST);
      if (!all.isEmpty()) {
        return all;
      }
    }
    return dao.claim(head.id(), instance, seconds).map(List::of).orElse(List.of());
  }

  /** On a sending thread: the HTTP call, then its recording. */
  private void send(OutboxDao.Head head, List<OutboxDao.Claimed> claimed) {
    try {
      SendCall.Outcome outcome = claimed.size() == 1 ? calls.send(claimed.getFirst())
          : calls.sendMerged(claimed, mergers.get(head.mergeKey()));
      record(outcome);
    } catch (RuntimeException e) {
      // A bug, not Telegram's answer: retrying would fail the same way and hold the chat's queue forever.
      long[] ids = claimed.stream().mapToLong(OutboxDao.Claimed::id).toArray();
      log.error("Sending outbox message(s) {} failed unexpectedly; set aside as dead", ids[0], e);
      record(new SendCall.Outcome(ids, (handle, dao) -> dao.dead(ids, "unexpected: " + e)));
    } finally {
      inFlight.remove(head.chatId());
      wake();
    }
  }

  private void record(SendCall.Outcome outcome) {
    try {
      jdbi.useTransaction(handle -> recordIn(handle, outcome));
    } catch (RuntimeException e) {
      log.warn("Could not record the outcome of outbox message(s) {}; keeping it until the database answers: {}",
          outcome.ids()[0], e.toString());
      unrecorded.add(outcome);
    }
  }

  private static void recordIn(org.jdbi.v3.core.Handle handle, SendCall.Outcome outcome) {
    OutboxDao dao = handle.attach(OutboxDao.class);
    outcome.record(handle, dao);
    dao.forgetDelivered(outcome.ids());
  }

  /** Outcomes whose recording failed (a database outage): recorded first, and their messages never re-sent meanwhile. */
  private void recordUnrecorded() {
    for (SendCall.Outcome outcome; (outcome = unrecorded.peek()) != null; ) {
      SendCall.Outcome pending = outcome;
      jdbi.useTransaction(handle -> recordIn(handle, pending));
      unrecorded.poll();
    }
  }

  @Override
  public void close() {
    if (dispatcher != null) {
      dispatcher.close();
    }
    List<Runnable> notStarted = sending.shutdownNow();
    try {
      if (!sending.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("Some sends were still in flight at shutdown; their leases make them claimable again");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!notStarted.isEmpty()) {
      log.info("{} claimed message(s) were not sent before shutdown; they are sent when their leases end", notStarted.size());
    }
  }
}
