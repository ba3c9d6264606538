package id.rakorbot.calendar;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.ops.HttpBodies;
import id.rakorbot.schedule.Schedule;
import id.rakorbot.schedule.ScheduleBook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /kalender/<token>.ics}: the forums of the token's person (or group), three months back and twelve ahead,
 * with their changes and cancellations. Calendar apps poll it: an ETag from what the answer is made of (the events'
 * last change, their count, the schedules as configured) answers {@code If-None-Match} with 304 before anything is
 * read or written. An unknown or revoked token, or a person gone from the roster, is 404.
 */
public final class CalendarFeed implements HttpHandler {

  public static final String PATH = "/kalender/";
  private static final Logger log = LoggerFactory.getLogger(CalendarFeed.class);
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final Clock clock;
  /**
   * Answers already written, by ETag: the ETag names exactly what an answer is made of, so an app that asks again
   * without If-None-Match gets the same bytes without their being read and written again.
   */
  private final Map<String, byte[]> written = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
      return size() > 64;
    }
  });

  public CalendarFeed(Jdbi jdbi, CurrentConfig config, Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.clock = clock;
  }

  private record Answer(int status, String etag, Instant lastModified, byte[] body) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Answer answer;
      try {
        answer = answer(exchange);
      } catch (RuntimeException e) {
        log.warn("Calendar feed request failed", e);
        answer = new Answer(500, null, null, "Terjadi kesalahan di server.".getBytes(StandardCharsets.UTF_8));
      }
      var headers = exchange.getResponseHeaders();
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "no-referrer");
      if (answer.etag() != null) {
        headers.set("ETag", answer.etag());
        headers.set("Last-Modified", HTTP_DATE.format(answer.lastModified()));
        headers.set("Cache-Control", "private, max-age=900");
      }
      if (answer.status() == 200) {
        headers.set("Content-Type", "text/calendar; charset=utf-8");
      } else if (answer.body().length > 0) {
        headers.set("Content-Type", "text/plain; charset=utf-8");
      }
      HttpBodies.send(exchange, answer.status(), answer.body());
    }
  }

  private Answer answer(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    String name = exchange.getRequestURI().getPath().substring(PATH.length());
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return new Answer(405, null, null, new byte[0]);
    }
    Answer missing = new Answer(404, null, null, "Tidak ada.".getBytes(StandardCharsets.UTF_8));
    if (!name.endsWith(".ics")) {
      return missing;
    }
    RakorbotConfig current = config.get();
    ScheduleBook book = ScheduleBook.of(current);
    return jdbi.withHandle(handle -> {
      Optional<Subscriptions.Subscription> found = Subscriptions.find(handle, name.substring(0, name.length() - 4));
      if (found.isEmpty()) {
        return missing;
      }
      Subscriptions.Subscription subscription = found.get();
      Optional<List<String>> groups = subscription.groupId().map(List::of)
          .or(() -> current.official(subscription.userId()).map(o -> o.groups()));
      if (groups.isEmpty() || subscription.groupId().isPresent() && current.groupById(subscription.groupId().get()).isEmpty()) {
        return missing;
      }
      List<Schedule> schedules = book.forGroups(groups.get());
      List<String> ids = schedules.stream().map(Schedule::id).toList();
      Instant now = clock.instant();
      Instant from = now.minus(CalendarEvents.BACK);
      Instant to = now.plus(CalendarEvents.AHEAD);
      var state = handle.createQuery("""
              SELECT count(*) AS n, max(changed_at) AS changed FROM calendar_event
              WHERE schedule_id = ANY(:ids) AND starts_at >= :from AND starts_at < :to""")
          .bind("ids", ids.toArray(String[]::new)).bind("from", from).bind("to", to)
          .map((rs, ctx) -> new Object[] {rs.getLong("n"), rs.getObject("changed", java.time.OffsetDateTime.class)}).one();
      Instant changed = state[1] == null ? Instant.EPOCH : ((java.time.OffsetDateTime) state[1]).toInstant();
      String title = subscription.groupId().flatMap(current::groupById).map(g -> g.name())
          .orElseGet(() -> "Forum " + current.official(subscription.userId()).map(o -> o.name()).orElse(""));
      // The window's first day is part of it: an event leaving the window changes the answer too.
      String etag = "\"" + digest(state[0] + "|" + changed + "|" + from.truncatedTo(java.time.temporal.ChronoUnit.DAYS) + "|"
          + title + "|" + schedules) + "\"";
      Instant lastModified = changed.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
      if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
        return new Answer(304, etag, lastModified, new byte[0]);
      }
      byte[] body = written.get(etag);
      if (body == null) {
        List<Ics.Event> events = CalendarEvents.of(handle, ids, from, to).stream().flatMap(row -> CalendarEvents.event(row, book).stream())
            .toList();
        body = Ics.write(title, Ics.Method.NONE, events);
        written.put(etag, body);
      }
      return new Answer(200, etag, lastModified, body);
    });
  }

  private static String digest(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
