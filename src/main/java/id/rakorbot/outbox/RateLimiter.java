package id.rakorbot.outbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Telegram's sending limits, kept in memory by one instance: about 30 messages a second in all, one a
 * second per chat, and 20 a minute per group (edits count too). Each window carries a small margin so
 * that network jitter between here and Telegram does not turn a send at the edge into a 429.
 */
final class RateLimiter {

  static final int GLOBAL_PER_SECOND = 30;
  static final int GROUP_PER_MINUTE = 20;
  private static final long SECOND = Duration.ofMillis(1_050).toNanos();
  private static final long MINUTE = Duration.ofMillis(61_000).toNanos();

  private final LongSupplier nanoTime;
  private final Deque<Long> global = new ArrayDeque<>();
  private final Map<Long, Long> lastPerChat = new HashMap<>();
  private final Map<Long, Deque<Long>> perGroup = new HashMap<>();

  RateLimiter(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * Takes a slot for one message to {@code chatId} if the limits allow it now: returns zero. Otherwise
   * takes nothing and returns how long to wait.
   */
  synchronized Duration tryAcquire(long chatId) {
    long now = nanoTime.getAsLong();
    prune(global, now - SECOND);
    long wait = 0;
    if (global.size() >= GLOBAL_PER_SECOND) {
      wait = Math.max(wait, global.peekFirst() + SECOND - now);
    }
    Long last = lastPerChat.get(chatId);
    if (last != null && now - last < SECOND) {
      wait = Math.max(wait, last + SECOND - now);
    }
    Deque<Long> group = chatId < 0 ? perGroup.computeIfAbsent(chatId, id -> new ArrayDeque<>()) : null;
    if (group != null) {
      prune(group, now - MINUTE);
      if (group.size() >= GROUP_PER_MINUTE) {
        wait = Math.max(wait, group.peekFirst() + MINUTE - now);
      }
    }
    if (wait > 0) {
      return Duration.ofNanos(wait);
    }
    global.addLast(now);
    lastPerChat.put(chatId, now);
    if (group != null) {
      group.addLast(now);
    }
    if (lastPerChat.size() > 50_000) {
      forgetIdleChats(now);
    }
    return Duration.ZERO;
  }

  private static void prune(Deque<Long> window, long before) {
    while (!window.isEmpty() && window.peekFirst() <= before) {
      window.removeFirst();
    }
  }

  private void forgetIdleChats(long now) {
    lastPerChat.values().removeIf(at -> now - at > MINUTE);
    perGroup.values().forEach(window -> prune(window, now - MINUTE));
    perGroup.values().removeIf(Deque::isEmpty);
  }
}
