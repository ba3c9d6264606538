package id.rakorbot.outbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Telegram's sending limits, kept in memory by the instance that sends: about 30 messages a second in all,
 * one a second per chat, and 20 a minute per group (edits count too). Global slots are spaced evenly rather
 * than spent in bursts (and never more than 30 in any 1.1 s), and every window carries a margin, so that jitter between here and Telegram never
 * turns a send at the edge into a 429. Replies and bulk messages may use only {@link SendLimits#groupShareNotUrgent}
 * of a group's minute, so a reminder or an alert always finds room. A 429 blocks the chat for its
 * {@code retry_after}.
 */
final class RateLimiter {

  /**
   * Every window carries a margin against jitter between here and Telegram: 10 % on the second, 1.7 % on the
   * minute. Measured with the Bot API emulator in a process of its own on two busy cores, arrivals were up to
   * 71 ms closer together than departures; with 5 % an arrival window of 30 in one second was then sometimes
   * overrun (a 429), with 10 % never.
   */
  private static final long SECOND = Duration.ofMillis(1_100).toNanos();
  private static final long MINUTE = Duration.ofMillis(61_000).toNanos();
  private static final long CATCH_UP = Duration.ofMillis(5).toNanos();

  private final LongSupplier nanoTime;
  private final int perSecond;
  /** The gap between two global slots: with Telegram's 30, 1.1 s / 30, i.e. at most 27.3 messages a second. */
  private final long spacing;
  /** The gap between two messages to one chat, with the same margin as the second. */
  private final long perChat;
  private final int groupPerMinute;
  private final int groupShareNotUrgent;
  private long nextGlobal = Long.MIN_VALUE;
  private final Deque<Long> global = new ArrayDeque<>();
  private final Map<Long, Long> chatFreeAt = new HashMap<>();
  private final Map<Long, Deque<Long>> perGroup = new HashMap<>();
  /** When messages actually left, as Telegram counts them: the global window and each chat's last one. */
  private final Deque<Long> departed = new ArrayDeque<>();
  private final Map<Long, Long> lastDeparture = new HashMap<>();

  RateLimiter(LongSupplier nanoTime) {
    this(nanoTime, SendLimits.TELEGRAM);
  }

  RateLimiter(LongSupplier nanoTime, SendLimits limits) {
    this.nanoTime = nanoTime;
    this.perSecond = limits.perSecond();
    this.spacing = SECOND / limits.perSecond();
    this.perChat = limits.perChat().toNanos() / 10 * 11;
    this.groupPerMinute = limits.groupPerMinute();
    this.groupShareNotUrgent = limits.groupShareNotUrgent();
  }

  /** How long until the next global slot (zero: now). */
  synchronized Duration untilGlobalSlot() {
    return Duration.ofNanos(globalWait(nanoTime.getAsLong()));
  }

  private long globalWait(long now) {
    long wait = nextGlobal == Long.MIN_VALUE ? 0 : Math.max(0, nextGlobal - now);
    prune(global, now - SECOND);
    if (global.size() >= perSecond) {
      wait = Math.max(wait, global.peekFirst() + SECOND - now);
    }
    return wait;
  }

  /** Takes a slot for a message of class {@code priority} to {@code chatId} if allowed now (zero); else how long to wait. */
  synchronized Duration tryAcquire(long chatId, Priority priority) {
    long now = nanoTime.getAsLong();
    long wait = Math.max(Math.max(0, waitFor(chatId, priority, now)), globalWait(now));
    if (wait > 0) {
      return Duration.ofNanos(wait);
    }
    // The next slot follows this one's schedule, not the moment it was taken: a dispatcher that woke a
    // few milliseconds late does not push every later slot back. The window below still holds.
    long base = nextGlobal == Long.MIN_VALUE ? now : Math.max(nextGlobal, now - CATCH_UP);
    nextGlobal = base + spacing;
    global.addLast(now);
    chatFreeAt.put(chatId, now + perChat);
    if (chatId < 0) {
      perGroup.computeIfAbsent(chatId, id -> new ArrayDeque<>()).addLast(now);
    }
    if (chatFreeAt.size() > 50_000) {
      forgetIdleChats(now);
    }
    return Duration.ZERO;
  }

  /**
   * Called by a sending thread just before its HTTP call, and waits when needed: the slots are given out evenly,
   * but a thread the scheduler held back (two busy cores, a pause) would leave together with the next ones, and
   * Telegram counts what arrives. So the window of 30 and the gap per chat are kept by departure too; a send
   * that left on time never waits here.
   */
  void awaitDeparture(long chatId) {
    for (Duration wait = departure(chatId); !wait.isZero(); wait = departure(chatId)) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // shutting down: the lease makes the message claimable again
      }
    }
  }

  /** Zero when the message may leave now (and then records it); else how long to wait. */
  synchronized Duration departure(long chatId) {
    long now = nanoTime.getAsLong();
    prune(departed, now - SECOND);
    long wait = departed.size() >= perSecond ? departed.peekFirst() + SECOND - now : 0;
    Long last = lastDeparture.get(chatId);
    if (last != null) {
      wait = Math.max(wait, last + perChat - now);
    }
    if (wait > 0) {
      return Duration.ofNanos(wait);
    }
    departed.addLast(now);
    lastDeparture.put(chatId, now);
    if (lastDeparture.size() > 50_000) {
      lastDeparture.values().removeIf(at -> at < now - perChat);
    }
    return Duration.ZERO;
  }

  /** How long a message of {@code priority} to {@code chatId} must wait for its chat and group (not the global slot). */
  synchronized Duration chatWait(long chatId, Priority priority) {
    return Duration.ofNanos(Math.max(0, waitFor(chatId, priority, nanoTime.getAsLong())));
  }

  /** Telegram answered 429 for this chat: nothing goes there before {@code retryAfter} has passed. */
  synchronized void penalize(long chatId, Duration retryAfter) {
    long until = nanoTime.getAsLong() + retryAfter.toNanos();
    chatFreeAt.merge(chatId, until, Math::max);
  }

  private long waitFor(long chatId, Priority priority, long now) {
    long wait = 0;
    Long free = chatFreeAt.get(chatId);
    if (free != null) {
      wait = free - now;
    }
    Deque<Long> group = chatId < 0 ? perGroup.get(chatId) : null;
    if (group != null) {
      prune(group, now - MINUTE);
      int allowed = priority.urgent() ? groupPerMinute : groupShareNotUrgent;
      if (group.size() >= allowed) {
        wait = Math.max(wait, group.stream().skip(group.size() - allowed).findFirst().orElseThrow() + MINUTE - now);
      }
    }
    return wait;
  }

  private static void prune(Deque<Long> window, long before) {
    while (!window.isEmpty() && window.peekFirst() <= before) {
      window.removeFirst();
    }
  }

  private void forgetIdleChats(long now) {
    chatFreeAt.values().removeIf(free -> free < now);
    perGroup.values().forEach(window -> prune(window, now - MINUTE));
    perGroup.values().removeIf(Deque::isEmpty);
  }
}
