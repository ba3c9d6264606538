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
    assertThat(gap).isBetween(Duration.ofMillis(36), Duration.ofMillis(37));
    assertThat(limits.untilGlobalSlot()).isEqualTo(gap);
    advance(gap);
    assertThat(limits.tryAcquire(2, Priority.REPLY)).isZero();
    assertThat(sendFlatOut(Duration.ofSeconds(1))).isBetween(27, 28);
    assertThat(sendFlatOut(Duration.ofSeconds(60)) / 60.0).isBetween(27.0, 28.0);
  }

  @Test
  void oneMessageASecondPerChat() {
    assertThat(limits.tryAcquire(7, Priority.REPLY)).isZero();
    advance(Duration.ofMillis(500));
    assertThat(limits.chatWait(7, Priority.REPLY)).isBetween(Duration.ofMillis(599), Duration.ofMillis(601));
    assertThat(limits.tryAcquire(8, Priority.REPLY)).isZero();
    advance(Duration.ofMillis(601));
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

  /** A sending thread the scheduler held back must not leave in a bunch with the next ones: Telegram counts arrivals. */
  @Test
  void thirtyDeparturesInOneSecondMakeTheNextWaitAndAChatKeepsItsGapByDeparture() {
    for (int i = 0; i < 30; i++) {
      assertThat(limits.departure(1_000 + i)).isZero(); // thirty held-back sends leaving at once
    }
    advance(Duration.ofMillis(500));
    assertThat(limits.departure(2_000)).isBetween(Duration.ofMillis(599), Duration.ofMillis(601));
    advance(Duration.ofMillis(601));
    assertThat(limits.departure(2_000)).isZero();

    advance(Duration.ofMillis(300));
    assertThat(limits.departure(2_000)).as("the chat's last message left 0.3 s ago").isBetween(Duration.ofMillis(799), Duration.ofMillis(801));
  }
}
