package id.rakorbot.calendar;

import static id.rakorbot.support.BotHarness.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The calendar feed as phones poll it, with 100 schedules (60 monthly, 30 weekly, 10 quarterly) for one group: a full
 * answer, an {@code If-None-Match} answered 304, and {@code /healthz} of the same server as the baseline, in one run.
 * A benchmark ({@code -Pbench}): figures printed with their spread, not asserted against a timer.
 */
@Tag("benchmark")
class CalendarFeedBenchmarkTest {

  private static final int REQUESTS = 200;

  @Test
  void feedWithAHundredSchedules() throws Exception {
    StringBuilder schedules = new StringBuilder("schedules:\n");
    String[] days = {"senin", "selasa", "rabu", "kamis", "jumat"};
    for (int i = 0; i < 100; i++) {
      String repeat = i < 60 ? "{every: month, weekday: " + days[i % 5] + ", week: " + (1 + i % 4) + "}"
          : i < 90 ? "{every: week, weekday: " + days[i % 5] + "}" : "{every: quarter, weekday: " + days[i % 5] + ", week: 2}";
      schedules.append("  - {id: forum_").append(i).append(", title: Forum ").append(i)
          .append(", kind: rakor, groups: [forkopimda], venue: Balai Kota, time: \"").append(8 + i % 8).append(":00\", repeat: ")
          .append(repeat).append(", reminders: [1d, 2h], nudge: none, briefing: none}\n");
    }
    var clock = TestClocks.movableWib("2026-01-20T10:00:00");
    String config = BotHarness.CONFIG + "dashboard:\n  base_url: https://rakor.malangkota.go.id\n" + schedules;
    HttpClient http = HttpClient.newHttpClient();
    try (BotHarness bot = BotHarness.start(config, clock)) {
      BotApiEmulator api = bot.api();
      String base = "http://127.0.0.1:" + bot.rakorbot().operationsPort().orElseThrow();
      await().atMost(Duration.ofSeconds(60)).until(() -> count(bot) > 2_000);
      api.privateText(ADMIN, "Rina", "/kalender langganan");
      String url = CalendarFileTest.feedUrl(api.awaitMessage(ADMIN, t -> t.contains("/kalender/")).text());
      String feed = base + url.substring(url.indexOf("/kalender/"));
      long started = System.nanoTime();
      HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(URI.create(feed)).build(), HttpResponse.BodyHandlers.ofByteArray());
      double firstMillis = (System.nanoTime() - started) / 1e6; // read from the database and written: once per change
      String etag = first.headers().firstValue("ETag").orElseThrow();

      List<Double> baseline = new ArrayList<>();
      List<Double> full = new ArrayList<>();
      List<Double> notModified = new ArrayList<>();
      int fullOk = 0;
      int unchanged = 0;
      for (int i = 0; i < REQUESTS; i++) { // interleaved, so that the machine's noise falls on all three alike
        baseline.add(time(http, HttpRequest.newBuilder(URI.create(base + "/healthz")).build()).millis());
        Timed answer = time(http, HttpRequest.newBuilder(URI.create(feed)).build());
        full.add(answer.millis());
        fullOk += answer.status() == 200 ? 1 : 0;
        Timed again = time(http, HttpRequest.newBuilder(URI.create(feed)).header("If-None-Match", etag).build());
        notModified.add(again.millis());
        unchanged += again.status() == 304 ? 1 : 0;
      }
      System.out.printf("Calendar feed, 100 schedules, %d events, %,d bytes; first answer after a change %.1f ms; then %d requests"
              + " each, median (p90, max) ms: /healthz %s; full feed %s; If-None-Match 304 %s%n", count(bot), first.body().length,
          firstMillis, REQUESTS, summary(baseline), summary(full), summary(notModified));
      assertThat(fullOk).as("every full request answered").isEqualTo(REQUESTS);
      assertThat(unchanged).as("every unchanged request 304").isEqualTo(REQUESTS);
    }
  }

  private record Timed(int status, double millis) {}

  private static Timed time(HttpClient http, HttpRequest request) throws Exception {
    long start = System.nanoTime();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Timed(response.statusCode(), (System.nanoTime() - start) / 1e6);
  }

  private static String summary(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return String.format("%.1f (%.1f, %.1f)", sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 9 / 10), sorted.getLast());
  }

  private static long count(BotHarness bot) {
    return bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM calendar_event").mapTo(Long.class).one());
  }
}
