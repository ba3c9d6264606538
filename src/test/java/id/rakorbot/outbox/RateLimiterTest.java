package id.rakorbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong now = new AtomicLong(0);
  private final RateLimiter limits = new RateLimiter(now::get);

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  /** Sends as fast as the limiter allows to distinct chats; returns how many went out within {@code span}. */
  private int sendFlatOut(Duration span) {
    int sent = 0;
    long end = now.get() + span.toNanos();
    int chat = 1_000 * (int) (now.get() / 1_000_000 + 1);
    while (now.get() < end) {
      Duration wait = limits.tryAcquire(chat++, Priority.REPLY);
      if (wait.isZero()) {
        sent++;
      } else {
        advance(wait);
      }
    }
    return sent;
  }

  @Test
  void globalSlotsAreSpacedEvenlyAndNeverReachThirtyInOneSecond() {
    assertThat(limits.tryAcquire(1, Priority.REPLY)).isZero();
    Duration gap = limits.tryAcquire(2, Priority.REPLY);
    assertThat(gap).isBetween(Duration.ofMillis(34), Duration.ofMillis(36));
    assertThat(limits.untilGlobalSlot()).isEqualTo(gap);
    advance(gap);
    assertThat(limits.tryAcquire(2, Priority.REPLY)).isZero();
    assertThat(sendFlatOut(Duration.ofSeconds(1))).isBetween(28, 29);
    assertThat(sendFlatOut(Duration.ofSeconds(60)) / 60.0).isBetween(28.0, 29.0);
  }

  @Test
  void oneMessageASecondPerChat() {
    assertThat(limits.tryAcquire(7, Priority.REPLY)).isZero();
    advance(Duration.ofMillis(500));
    assertThat(limits.chatWait(7, Priority.REPLY)).isBetween(Duration.ofMillis(500), Duration.ofMillis(550));
    assertThat(limits.tryAcquire(8, Priority.REPLY)).isZero();
    advance(Duration.ofMillis(551));
    assertThat(limits.tryAcquire(7, Priority.REPLY)).isZero();
  }

  @Test
  void repliesUseFifteenOfAGroupsTwentyAMinuteAndLeaveTheRestForRemindersAndAlerts() {
    for (int i = 0; i < 15; i++) {
      assertThat(limits.tryAcquire(-100, Priority.REPLY)).isZero();
      advance(Duration.ofMillis(50));
      assertThat(limits.tryAcquire(100, Priority.BULK)).isZero();
      advance(Duration.ofMillis(1100));
    }
    assertThat(limits.tryAcquire(100, Priority.REPLY)).as("private chats have no minute limit").isZero();
    advance(Duration.ofMillis(50));
    assertThat(limits.tryAcquire(-100, Priority.REPLY)).isGreaterThan(Duration.ofSeconds(30));
    for (int i = 0; i < 5; i++) {
      assertThat(limits.tryAcquire(-100, i == 0 ? Priority.ALERT : Priority.SCHEDULED)).isZero();
      advance(Duration.ofMillis(1100));
    }
    assertThat(limits.tryAcquire(-100, Priority.ALERT)).as("20 a minute in all").isGreaterThan(Duration.ofSeconds(30));
    advance(Duration.ofSeconds(40));
    assertThat(limits.tryAcquire(-100, Priority.ALERT)).isZero();
  }

  @Test
  void aTooManyRequestsAnswerBlocksTheChatForItsRetryAfter() {
    limits.penalize(-5, Duration.ofSeconds(7));
    assertThat(limits.chatWait(-5, Priority.ALERT)).isEqualTo(Duration.ofSeconds(7));
    assertThat(limits.tryAcquire(-6, Priority.REPLY)).isZero();
    advance(Duration.ofSeconds(7));
    assertThat(limits.tryAcquire(-5, Priority.ALERT)).isZero();
  }
}
