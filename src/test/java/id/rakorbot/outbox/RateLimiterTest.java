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

  @Test
  void atMostThirtyMessagesASecondInAll() {
    for (int chat = 1; chat <= 30; chat++) {
      assertThat(limits.tryAcquire(chat)).isZero();
    }
    assertThat(limits.tryAcquire(31)).isPositive().isLessThanOrEqualTo(Duration.ofMillis(1050));
    advance(Duration.ofMillis(1051));
    assertThat(limits.tryAcquire(31)).isZero();
  }

  @Test
  void oneMessageASecondPerChat() {
    assertThat(limits.tryAcquire(7)).isZero();
    advance(Duration.ofMillis(500));
    assertThat(limits.tryAcquire(7)).isBetween(Duration.ofMillis(500), Duration.ofMillis(550));
    assertThat(limits.tryAcquire(8)).isZero();
    advance(Duration.ofMillis(551));
    assertThat(limits.tryAcquire(7)).isZero();
  }

  @Test
  void twentyMessagesAMinutePerGroupButNotForPrivateChats() {
    for (int i = 0; i < 20; i++) {
      assertThat(limits.tryAcquire(-100)).isZero();
      assertThat(limits.tryAcquire(100)).isZero();
      advance(Duration.ofMillis(1100));
    }
    assertThat(limits.tryAcquire(100)).isZero();
    assertThat(limits.tryAcquire(-100)).isGreaterThan(Duration.ofSeconds(30));
    advance(Duration.ofSeconds(40));
    assertThat(limits.tryAcquire(-100)).isZero();
  }
}
