package id.rakorbot.outbox;

import id.rakorbot.background.Loop;
import id.rakorbot.feature.Feature;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;

/**
 * Messages that stay in their group only a while (an answer for one person that Telegram would not show to them
 * alone): once sent, each is deleted after its minutes, on the bot's clock. A loop, {@code auto-delete} in health;
 * each deletion is taken once across instances.
 */
public final class AutoDelete implements Feature {

  private static final Duration EVERY = Duration.ofSeconds(5);

  private final Jdbi jdbi;
  private final Outbox outbox;
  private final Clock clock;
  private final Loop loop = new Loop("auto-delete");

  public AutoDelete(Jdbi jdbi, Outbox outbox, Clock clock) {
    this.jdbi = jdbi;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** One pass: the moments of newly sent messages set, and the deletions that are due queued. */
  public int runOnce() {
    return jdbi.inTransaction(handle -> {
      OutboxDao dao = handle.attach(OutboxDao.class);
      dao.scheduleDeletes(clock.instant());
      var due = dao.takeDueDeletes(clock.instant());
      for (OutboxDao.ToDelete message : due) {
        outbox.enqueue(handle, message.chatId(), new DeleteMessage(Long.toString(message.chatId()), (int) message.telegramMessageId()),
            Priority.BULK, Optional.of("delete:" + message.id()));
      }
      return due.size();
    });
  }

  @Override
  public Map<String, BooleanSupplier> loops() {
    return Map.of("auto-delete", loop::alive);
  }

  @Override
  public void start() {
    loop.start(() -> {
      runOnce();
      return EVERY;
    });
  }

  @Override
  public void close() {
    loop.close();
  }
}
