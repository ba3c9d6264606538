package id.rakorbot.response;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ladder's cost: one sweep of the running bot with 1,000 open alerts nobody took, (a) none of them due, the
 * sweep of nearly every 30 seconds, and (b) 10 of them due, each climbing a level (two people told privately,
 * recorded, queued in the outbox). Baseline in the same run: PostgreSQL counting the due alerts through the same
 * index, one round trip. 3 runs of 21 rounds after 3 warm-ups; median and spread. Goal: a sweep in at most 50 ms;
 * asserted for the sweep with none due, and at most 20 ms per level told when some are (see docs/benchmarks.md).
 */
@Tag("benchmark")
class LadderBenchmarkTest {

  static final int OPEN = 1_000;
  static final int ROUNDS = 21;
  static final int WARMUPS = 3;
  static final int DUE_PER_ROUND = 10;

  @Test
  void oneSweepOverAThousandOpenAlerts() throws Exception {
    var clock = TestClocks.movableWib("2026-11-25T10:00:00");
    try (BotHarness bot = BotHarness.start(ResponseTest.config(0), clock)) {
      Jdbi jdbi = bot.jdbi();
      Instant now = clock.instant();
      seed(jdbi, now);
      int next = 1;
      List<String> lines = new ArrayList<>();
      List<Double> idleMedians = new ArrayList<>();
      List<Double> perEscalation = new ArrayList<>();
      for (int run = 1; run <= 3; run++) {
        List<Double> idle = new ArrayList<>();
        List<Double> busy = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int round = 0; round < WARMUPS + ROUNDS; round++) {
          boolean counted = round >= WARMUPS;
          long start = System.nanoTime();
          jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM alert WHERE next_step_at <= :now").bind("now", clock.instant())
              .mapTo(Integer.class).one());
          record(counted, baseline, start);
          start = System.nanoTime();
          assertThat(bot.rakorbot().response().sweep()).isZero();
          record(counted, idle, start);
          int first = next;
          next += DUE_PER_ROUND;
          jdbi.useHandle(h -> h.createUpdate("UPDATE alert SET next_step_at = raised_at WHERE id >= :a AND id < :b")
              .bind("a", first).bind("b", first + DUE_PER_ROUND).execute());
          start = System.nanoTime();
          assertThat(bot.rakorbot().response().sweep()).isEqualTo(DUE_PER_ROUND);
          record(counted, busy, start);
        }
        lines.add("run %d: baseline count %s; sweep, none due %s; sweep, %d due %s".formatted(run, stats(baseline), stats(idle),
            DUE_PER_ROUND, stats(busy)));
        idleMedians.add(median(idle));
        perEscalation.add(median(busy) / DUE_PER_ROUND);
      }
      bot.awaitQuiet();
      assertThat((int) jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM alert_step WHERE level = 1").mapTo(Integer.class).one()))
          .as("each due alert climbed once").isEqualTo(next - 1);
      assertThat(bot.api().tooManyRequests()).isZero();
      lines.forEach(line -> System.out.println("LadderBenchmark: " + OPEN + " open alerts; " + line));
      assertThat(idleMedians).as("the sweep over 1,000 open alerts").allSatisfy(median -> assertThat(median).isLessThanOrEqualTo(50));
      assertThat(perEscalation).as("one level told, per alert").allSatisfy(median -> assertThat(median).isLessThanOrEqualTo(20));
    }
  }

  private static void seed(Jdbi jdbi, Instant now) {
    jdbi.useHandle(h -> h.createUpdate("""
        INSERT INTO alert (subject, kind, severity, area, summary, base_html, reporter_id, groups, raised_at, ack_due_at, next_step_at)
        SELECT 'LAP-2026-' || lpad(i::text, 6, '0'), 'report', 'awas', 'Klojen', 'AWAS · Konflik sosial · Klojen',
               '<b>AWAS</b> laporan ' || i, 100000004, '{camat_lurah}', CAST(:now AS timestamptz) - interval '10 minutes', CAST(:now AS timestamptz),
               CAST(:now AS timestamptz) + interval '1 day'
        FROM generate_series(1, :open) AS i""").bind("now", now).bind("open", OPEN).execute());
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO alert_step (alert_id, level, reached_at) SELECT id, 0, raised_at FROM alert").execute());
  }

  private static void record(boolean counted, List<Double> into, long start) {
    if (counted) {
      into.add((System.nanoTime() - start) / 1e6);
    }
  }

  private static double median(List<Double> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }

  private static String stats(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return "median %.1f ms (%.1f–%.1f)".formatted(median(values), sorted.getFirst(), sorted.getLast());
  }
}
