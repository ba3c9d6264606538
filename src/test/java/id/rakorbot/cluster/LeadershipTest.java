package id.rakorbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.storage.Database;
import id.rakorbot.support.TcpProxy;
import id.rakorbot.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One leader among instances on one database, and a standby taking over when it dies or loses the database. */
class LeadershipTest {

  @Test
  void oneLeadsTheOtherStandsByAndTakesOverWhenTheLeaderStops() {
    try (TestDatabase schema = TestDatabase.create();
        Database first = Database.connect(schema.url(), 2);
        Database second = Database.connect(schema.url(), 2);
        Leadership a = new Leadership(first::dedicatedConnection, "polls Telegram and sends the outbox");
        Leadership b = new Leadership(second::dedicatedConnection, "polls Telegram and sends the outbox")) {
      a.start();
      b.start();
      assertThat(a.leading()).isTrue();
      assertThat(b.leading()).isFalse();

      a.close(); // a deploy stopping the leader, or kill -9: its session ends either way

      await().atMost(Duration.ofSeconds(10)).until(b::leading);
      assertThat(a.leading()).isFalse();
    }
  }

  @Test
  void aLeaderCutOffFromTheDatabaseStepsDownAndTheStandbyLeads() throws Exception {
    try (TestDatabase schema = TestDatabase.create();
        TcpProxy proxy = new TcpProxy(schema.serverHostPort());
        Database first = Database.connect(schema.urlVia(proxy.hostPort()), 2);
        Database second = Database.connect(schema.url(), 2);
        Leadership a = new Leadership(first::dedicatedConnection, "polls Telegram and sends the outbox");
        Leadership b = new Leadership(second::dedicatedConnection, "polls Telegram and sends the outbox")) {
      a.start();
      b.start();
      assertThat(a.leading()).isTrue();

      proxy.cut();
      long cut = System.nanoTime();

      await().atMost(Duration.ofSeconds(10)).until(() -> !a.leading() && b.leading());
      assertThat(Duration.ofNanos(System.nanoTime() - cut)).isLessThanOrEqualTo(Duration.ofSeconds(10));

      proxy.restore();
      long restored = System.nanoTime();
      await().atMost(Duration.ofSeconds(10)).until(() -> a.lastAskedNanos() > restored); // a asked again, and was refused
      assertThat(b.leading()).isTrue();
      assertThat(a.leading()).isFalse();
    }
  }
}
