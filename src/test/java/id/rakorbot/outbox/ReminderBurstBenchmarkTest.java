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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One reminder for 1,000 groups at the same minute, through Quartz, the outbox and the real TelegramBots
 * client, against the emulator enforcing Telegram's limits. Run: {@code ./mvnw -B test -Pbench}.
 * Reports the time against the ideal (1,000 / 30 msg/s), the 429s, and lost and duplicated messages.
 */
@Tag("benchmark")
class ReminderBurstBenchmarkTest {

  private static final int GROUPS = 1_000;
  private static final Duration UNTIL_REMINDER = Duration.ofSeconds(50); // the 1,000 announcements go first

  @Test
  void aReminderForAThousandGroupsAtOnce() throws Exception {
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

    try (BotHarness bot = BotHarness.start(yaml.toString(), clock)) {
      BotApiEmulator api = bot.api();
      api.enforceTelegramLimits();
      long dueNanos = System.nanoTime() + Duration.between(clock.instant(), due).toNanos();

      await().atMost(UNTIL_REMINDER.plusSeconds(120)).pollInterval(Duration.ofSeconds(1))
          .until(() -> reminders(api).size() >= GROUPS);
      Thread.sleep(3_000); // anything sent twice would show by now

      List<Call> reminders = reminders(api);
      Map<Long, Long> perChat = reminders.stream().collect(Collectors.groupingBy(Call::chatId, Collectors.counting()));
      long lost = IntStream.rangeClosed(1, GROUPS).filter(i -> !perChat.containsKey(chat(i))).count();
      long duplicated = perChat.values().stream().mapToLong(n -> n - 1).sum();
      double seconds = (reminders.getLast().atNanos() - dueNanos) / 1e9;
      double sending = (reminders.getLast().atNanos() - reminders.getFirst().atNanos()) / 1e9;
      double ideal = GROUPS / 30.0;
      String report = String.format("""
          reminder burst: %d groups, one reminder each
            from due time to last delivery: %.1f s (first to last delivery: %.1f s)
            ideal at 30 msg/s: %.1f s -> %.2f of the ideal rate
            429 responses: %d (whole run, incl. the %d announcements before)
            lost: %d, duplicated: %d
          """, GROUPS, seconds, sending, ideal, ideal / seconds, api.tooManyRequests(), GROUPS, lost, duplicated);
      System.out.print(report);
      Files.writeString(Path.of("target", "benchmark-reminder-burst.txt"), report);

      assertThat(lost).isZero();
      assertThat(duplicated).isZero();
    }
  }

  private static long chat(int i) {
    return -1005000000000L - i;
  }

  private static List<Call> reminders(BotApiEmulator api) {
    return api.calls("sendMessage").stream().filter(c -> c.text().contains("Pengingat H-1")).toList();
  }

}
