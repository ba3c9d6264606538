package id.rakorbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotApiEmulator.Call;
import id.rakorbot.support.BotHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One reminder for 1,000 groups at the same minute, through Quartz, the outbox and the real TelegramBots
 * client, against the emulator enforcing Telegram's limits. Run: {@code ./mvnw -B test -Pbench}.
 * The Bot API answers after 0, 150 and 300 ms (Telegram's real answers take 50-300 ms), several runs each.
 * Asserts, for every run, no 429, nothing lost or duplicated, and at most 1.16 x the ideal (1,000 / 30 msg/s): the bot
 * sends at most 30 in 1.1 s (27.3 msg/s, a margin against arrival jitter measured with the emulator in a process of
 * its own), so 1.10 x is the floor.
 */
@Tag("benchmark")
class ReminderBurstBenchmarkTest {

  private static final int GROUPS = 1_000;
  private static final Duration UNTIL_REMINDER = Duration.ofSeconds(50); // the 1,000 announcements go first

  private static final int RUNS = Integer.getInteger("runs", 3);
  /** Instances on the one database (-Dinstances=3): the leader alone sends, so the limits hold for all. */
  private static final int INSTANCES = Integer.getInteger("instances", 1);
  private static final List<Integer> LATENCIES_MS = java.util.Arrays.stream(System.getProperty("latencies", "0,150,300").split(","))
      .map(Integer::valueOf).toList();

  record Run(int latencyMs, double seconds, int tooManyRequests, long lost, long duplicated) {
    double ofIdeal() {
      return seconds / (GROUPS / 30.0);
    }
  }

  @Test
  void aReminderForAThousandGroupsAtOnceAtEveryAnswerTime() throws Exception {
    List<Run> runs = new ArrayList<>();
    for (int latency : LATENCIES_MS) {
      for (int i = 0; i < RUNS; i++) {
        runs.add(burst(latency));
        System.out.println(runs.getLast());
      }
    }
    StringBuilder report = new StringBuilder(String.format(
        "reminder burst: %d groups, one reminder each, %d instance(s), %d runs per Bot API answer time; ideal at 30 msg/s: %.1f s%n",
        GROUPS, INSTANCES, RUNS, GROUPS / 30.0));
    for (int latency : LATENCIES_MS) {
      List<Run> at = runs.stream().filter(r -> r.latencyMs() == latency).toList();
      List<Double> seconds = at.stream().map(Run::seconds).sorted().toList();
      List<Double> ratios = at.stream().map(Run::ofIdeal).sorted().toList();
      report.append(String.format("  answer time %3d ms: due to last delivery median %.1f s (min %.1f, max %.1f) = %.2f x ideal"
              + " (min %.2f, max %.2f); 429: %d, lost: %d, duplicated: %d%n", latency,
          seconds.get(seconds.size() / 2), seconds.getFirst(), seconds.getLast(), ratios.get(ratios.size() / 2),
          ratios.getFirst(), ratios.getLast(), at.stream().mapToInt(Run::tooManyRequests).sum(),
          at.stream().mapToLong(Run::lost).sum(), at.stream().mapToLong(Run::duplicated).sum()));
    }
    System.out.print(report);
    Files.writeString(Path.of("target", "benchmark-reminder-burst" + (INSTANCES > 1 ? "-" + INSTANCES + "-instances" : "") + ".txt"), report);
    for (Run run : runs) {
      assertThat(run.tooManyRequests()).as("429s in %s", run).isZero();
      assertThat(run.lost()).as("lost in %s", run).isZero();
      assertThat(run.duplicated()).as("duplicated in %s", run).isZero();
      assertThat(run.ofIdeal()).as("time against the ideal in %s", run).isLessThanOrEqualTo(1.16);
    }
  }

  private Run burst(int latencyMs) throws Exception {
    StringBuilder yaml = new StringBuilder("telegram:\n  api_url: ${TELEGRAM_API_URL}\n  poll_timeout_seconds: 1\ngroups:\n");
    for (int i = 1; i <= GROUPS; i++) {
      yaml.append("  - {id: g").append(i).append(", chat_id: ").append(chat(i)).append(", name: Grup ").append(i).append("}\n");
    }
    yaml.append("""
        schedules:
          - id: rakor_serentak
            title: Rakor Serentak
            kind: rakor
            groups: [%s]
            time: "09:00"
            repeat: {every: once, date: 2026-01-28}
            reminders: [1d]
        """.formatted(IntStream.rangeClosed(1, GROUPS).mapToObj(i -> "g" + i).collect(Collectors.joining(", "))));
    Instant due = ZonedDateTime.parse("2026-01-27T09:00+07:00[Asia/Jakarta]").toInstant();
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now().plus(UNTIL_REMINDER), due));

    try (BotHarness bot = BotHarness.startWithTelegramLimits(yaml.toString(), clock);
        Others others = new Others(bot, INSTANCES - 1)) {
      BotApiEmulator api = bot.api();
      api.enforceTelegramLimits();
      api.answerAfter(Duration.ofMillis(latencyMs));
      long dueNanos = System.nanoTime() + Duration.between(clock.instant(), due).toNanos();

      await().atMost(UNTIL_REMINDER.plusSeconds(120)).pollInterval(Duration.ofSeconds(1))
          .until(() -> reminders(api).size() >= GROUPS);
      Thread.sleep(3_000); // anything sent twice would show by now

      List<Call> reminders = reminders(api);
      Map<Long, Long> perChat = reminders.stream().collect(Collectors.groupingBy(Call::chatId, Collectors.counting()));
      long lost = IntStream.rangeClosed(1, GROUPS).filter(i -> !perChat.containsKey(chat(i))).count();
      long duplicated = perChat.values().stream().mapToLong(n -> n - 1).sum();
      double seconds = (reminders.stream().mapToLong(Call::atNanos).max().orElseThrow() - dueNanos) / 1e9;
      return new Run(latencyMs, seconds, api.tooManyRequests(), lost, duplicated);
    }
  }

  /** The other instances of a run, each with its own pool, closed after it. */
  private static final class Others implements AutoCloseable {
    private final List<AutoCloseable> parts = new ArrayList<>();

    Others(BotHarness bot, int count) throws Exception {
      for (int i = 0; i < count; i++) {
        id.rakorbot.storage.Database pool = id.rakorbot.storage.Database.connect(bot.databaseUrl(), 4);
        parts.add(pool);
        parts.add(bot.startAnotherInstance(pool));
      }
    }

    @Override
    public void close() throws Exception {
      for (AutoCloseable part : parts.reversed()) {
        part.close();
      }
    }
  }

  private static long chat(int i) {
    return -1005000000000L - i;
  }

  private static List<Call> reminders(BotApiEmulator api) {
    return api.calls("sendMessage").stream().filter(c -> c.text().contains("Pengingat H-1")).toList();
  }

}
