package id.rakorbot.report;

import id.rakorbot.background.Loop;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/** Drops guided reports left alone for {@link GuidedReport#EXPIRY}, telling their owners; every 5 seconds. */
final class DraftExpiry implements AutoCloseable {

  private final Jdbi jdbi;
  private final DraftMessages messages;
  private final Clock clock;
  private final Loop loop = new Loop("report-drafts");

  DraftExpiry(Jdbi jdbi, DraftMessages messages, Clock clock) {
    this.jdbi = jdbi;
    this.messages = messages;
    this.clock = clock;
  }

  void start() {
    loop.start(() -> {
      expire();
      return Duration.ofSeconds(5);
    });
  }

  boolean alive() {
    return loop.alive();
  }

  void expire() {
    jdbi.useTransaction(handle -> handle.attach(DraftDao.class).expire(clock.instant().minus(GuidedReport.EXPIRY))
        .forEach(d -> messages.send(handle, d.chatId(), d.topicId(), ReportTexts.guidedExpired(), null)));
  }

  @Override
  public void close() {
    loop.close();
  }
}
