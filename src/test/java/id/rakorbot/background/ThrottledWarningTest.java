package id.rakorbot.background;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ThrottledWarningTest {

  @Test
  void eightHundredFailuresInAMinuteLogOneLineAndTheNextMinuteSaysHowManyMore() {
    Logger logger = (Logger) LoggerFactory.getLogger("throttled-warning-test");
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    AtomicLong now = new AtomicLong();
    var warning = new ThrottledWarning(logger, "Could not answer a button press", now::get);

    for (int i = 0; i < 800; i++) {
      warning.warn("query is too old");
      now.addAndGet(Duration.ofMillis(50).toNanos()); // 800 presses in 40 s
    }
    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("Could not answer a button press: query is too old");

    now.addAndGet(Duration.ofMinutes(1).toNanos());
    warning.warn("query is too old");
    assertThat(log.list).hasSize(2);
    assertThat(log.list.get(1).getFormattedMessage()).contains("799 more like it");
    logger.detachAppender(log);
  }
}
