package id.rakorbot.calendar;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotApiEmulator.Call;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * Every .ics the bot writes, parsed back with ical4j: the file beside an announcement (its UID stable across a restart,
 * SEQUENCE raised when the file moves the meeting, METHOD:CANCEL when a holiday now skips it, alarms as the reminders,
 * WIB/WITA/WIT right), /kalender's file, and the secret feed (404 without a token or once revoked, 304 on If-None-Match).
 */
class CalendarFileTest {

  private static final String SCHEDULES = """
      schedules:
        - {id: rakor, title: Rakor Forkopimda, kind: rakor, groups: [forkopimda], venue: "Balai Kota, Ruang Sidang",
           mode: hybrid, link: "https://zoom.us/j/1", time: "09:00", repeat: {every: month, weekday: rabu, week: last},
           reminders: [1d, 2h], on_holiday: skip}
        - {id: sulawesi, title: Rakor Wilayah Timur, kind: rakor, groups: [forkopimda], time: "09:00", time_zone: Asia/Makassar,
           repeat: {every: once, date: 2026-02-10}, reminders: [1d], calendar: false}
        - {id: papua, title: Rakor Papua, kind: rakor, groups: [forkopimda], time: "09:00", time_zone: Asia/Jayapura,
           repeat: {every: once, date: 2026-02-11}, reminders: [1d]}
      """;
  private static final String CONFIG = BotHarness.CONFIG + "dashboard:\n  base_url: https://rakor.malangkota.go.id\n" + SCHEDULES;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theAnnouncementsFileKeepsItsUidRaisesItsSequenceAndIsCancelled() throws Exception {
    var clock = TestClocks.movableWib("2026-01-20T10:00:00");
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      Call file = awaitFile(api, "rakor-2026-01-28.ics", 1);
      assertThat(file.params().path("caption").asText()).contains("Simpan ke kalender", "Rakor Forkopimda");
      // The announcement marks its time as a date_time entity (Bot API 9.5): each reader sees it in their own zone.
      assertThat(api.awaitMessage(FORKOPIMDA, t -> t.contains("Jadwal pertemuan berikutnya") && t.contains("Rakor Forkopimda")).text())
          .contains("🗓 <tg-time unix=\"1769565600\" format=\"wDt\">Rabu, 28 Januari 2026 pukul 09.00 WIB</tg-time>");
      Calendar first = parse(file);
      VEvent event = only(first);
      assertThat(value(first, Property.METHOD)).isEqualTo("PUBLISH");
      assertThat(value(event, Property.UID)).isEqualTo("rakor-2026-01-28@rakorbot");
      assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
      assertThat(instant(event)).isEqualTo(Instant.parse("2026-01-28T02:00:00Z")); // 09.00 WIB
      assertThat(event.getProperty(Property.DTSTART).orElseThrow().toString()).contains("TZID=Asia/Jakarta");
      assertThat(value(event, Property.LOCATION)).isEqualTo("Balai Kota, Ruang Sidang");
      assertThat(value(event, Property.URL)).isEqualTo("https://zoom.us/j/1");
      assertThat(event.getAlarms()).extracting(a -> ((VAlarm) a).getProperty(Property.TRIGGER).orElseThrow().getValue())
          .containsExactly("-P1D", "-PT2H"); // the reminders, 1d and 2h, as ical4j reads them
      assertThat(first.getComponents("VTIMEZONE")).hasSize(1);

      bot.restart(); // the same meeting is the same event after a restart
      api.privateText(ADMIN, "Rina", "/kalender");
      Calendar mine = parse(awaitFile(api, "jadwal-forum.ics", 1));
      VEvent again = mine.<VEvent>getComponents("VEVENT").stream().filter(e -> value(e, Property.UID).startsWith("rakor-2026-01-28"))
          .findFirst().orElseThrow();
      assertThat(value(again, Property.SEQUENCE)).isEqualTo("0");
      assertThat(mine.<VEvent>getComponents("VEVENT")).extracting(e -> value(e, Property.UID))
          .contains("papua-2026-02-11@rakorbot", "sulawesi-2026-02-10@rakorbot");
      VEvent papua = mine.<VEvent>getComponents("VEVENT").stream().filter(e -> value(e, Property.UID).startsWith("papua")).findFirst().orElseThrow();
      VEvent sulawesi = mine.<VEvent>getComponents("VEVENT").stream().filter(e -> value(e, Property.UID).startsWith("sulawesi")).findFirst()
          .orElseThrow();
      assertThat(instant(papua)).as("09.00 WIT").isEqualTo(Instant.parse("2026-02-11T00:00:00Z"));
      assertThat(instant(sulawesi)).as("09.00 WITA").isEqualTo(Instant.parse("2026-02-10T01:00:00Z"));
      assertThat(mine.getComponents("VTIMEZONE")).hasSize(3);

      // The file moves the rakor to 10.00: the group gets the same event with SEQUENCE 1.
      Files.writeString(bot.configFile(), CONFIG.replace("link: \"https://zoom.us/j/1\", time: \"09:00\"",
          "link: \"https://zoom.us/j/1\", time: \"10:00\""));
      Call moved = awaitFile(api, "rakor-2026-01-28.ics", 2);
      assertThat(moved.params().path("caption").asText()).contains("Jadwal berubah");
      VEvent later = only(parse(moved));
      assertThat(value(later, Property.UID)).isEqualTo("rakor-2026-01-28@rakorbot");
      assertThat(value(later, Property.SEQUENCE)).isEqualTo("1");
      assertThat(instant(later)).isEqualTo(Instant.parse("2026-01-28T03:00:00Z"));

      // A holiday now falls on it, and the schedule skips holidays: a CANCEL.
      Files.writeString(bot.configFile(), Files.readString(bot.configFile()) + "holidays: [2026-01-28]\n");
      Call cancel = awaitFile(api, "rakor-2026-01-28.ics", 3);
      assertThat(cancel.params().path("caption").asText()).contains("Dibatalkan");
      Calendar cancelled = parse(cancel);
      assertThat(value(cancelled, Property.METHOD)).isEqualTo("CANCEL");
      assertThat(value(only(cancelled), Property.STATUS)).isEqualTo("CANCELLED");
      assertThat(value(only(cancelled), Property.SEQUENCE)).isEqualTo("2");
      assertThat(api.calls("sendDocument").stream().filter(c -> c.chatId() == FORKOPIMDA)
          .map(c -> c.params().path("document").path("filename").asText())).as("calendar: false sends no file")
          .doesNotContain("sulawesi-2026-02-10.ics");
    }
  }

  @Test
  void theFeedIsSecretRevocableAndAnswers304WhenNothingChanged() throws Exception {
    var clock = TestClocks.movableWib("2026-01-20T10:00:00");
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      String base = "http://127.0.0.1:" + bot.rakorbot().operationsPort().orElseThrow();
      api.privateText(ADMIN, "Rina", "/kalender langganan");
      String url = feedUrl(api.awaitMessage(ADMIN, t -> t.contains("/kalender/")).text());
      String local = base + url.substring(url.indexOf("/kalender/"));

      HttpResponse<byte[]> feed = get(local, null);
      assertThat(feed.statusCode()).isEqualTo(200);
      assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
      Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(feed.body()));
      assertThat(calendar.<VEvent>getComponents("VEVENT")).extracting(e -> value(e, Property.UID))
          .contains("rakor-2026-01-28@rakorbot", "rakor-2026-02-25@rakorbot", "papua-2026-02-11@rakorbot");
      assertThat(calendar.<VEvent>getComponents("VEVENT")).as("twelve months ahead").hasSizeGreaterThanOrEqualTo(12);
      String etag = feed.headers().firstValue("ETag").orElseThrow();
      assertThat(get(local, etag).statusCode()).isEqualTo(304);

      assertThat(get(base + "/kalender/", null).statusCode()).isEqualTo(404);
      assertThat(get(base + "/kalender/bukan-token-yang-benar-sama-sekali.ics", null).statusCode()).isEqualTo(404);
      api.privateText(ADMIN, "Rina", "/kalender langganan grup forkopimda");
      await().atMost(Duration.ofSeconds(10)).until(() -> api.messagesTo(ADMIN).stream().filter(m -> m.text().contains("/kalender/")).count() == 2);
      String group = feedUrl(api.messagesTo(ADMIN).stream().filter(m -> m.text().contains("grup forkopimda")).findFirst().orElseThrow().text());
      HttpResponse<byte[]> groupFeed = get(base + group.substring(group.indexOf("/kalender/")), null);
      assertThat(groupFeed.statusCode()).isEqualTo(200);
      assertThat(new CalendarBuilder().build(new ByteArrayInputStream(groupFeed.body())).<VEvent>getComponents("VEVENT"))
          .extracting(e -> value(e, Property.UID)).contains("rakor-2026-01-28@rakorbot");

      api.privateText(ADMIN, "Rina", "/kalender cabut");
      api.awaitMessage(ADMIN, t -> t.contains("dicabut"));
      assertThat(get(local, null).statusCode()).as("revoked").isEqualTo(404);
      bot.awaitQuiet();
      long kept = bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox_message WHERE payload::text LIKE '%/kalender/%'")
          .mapTo(Long.class).one());
      assertThat(kept).as("the address leaves no copy in the outbox").isZero();
      List<String> audited = bot.jdbi().withHandle(h -> h.createQuery("SELECT action || '|' || subject FROM audit_log WHERE action LIKE 'kalender.%'"
          + " ORDER BY id").mapTo(String.class).list());
      assertThat(audited).containsExactly("kalender.langganan|kalender pribadi", "kalender.langganan|kalender grup forkopimda",
          "kalender.cabut|kalender");
    }
  }

  static String feedUrl(String text) {
    Matcher m = Pattern.compile("https://\\S+/kalender/[A-Za-z0-9_-]+\\.ics").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group();
  }

  private HttpResponse<byte[]> get(String url, String etag) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Waits for the {@code nth} file of that name sent into the Forkopimda group. */
  private static Call awaitFile(BotApiEmulator api, String name, int nth) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> api.calls("sendDocument").stream()
        .filter(c -> c.params().path("document").path("filename").asText().equals(name)).toList(), l -> l.size() >= nth).get(nth - 1);
  }

  private static Calendar parse(Call file) throws Exception {
    return new CalendarBuilder().build(new ByteArrayInputStream(file.params().path("document").path("bytes").binaryValue()));
  }

  private static VEvent only(Calendar calendar) {
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSize(1);
    return events.getFirst();
  }

  private static String value(net.fortuna.ical4j.model.Component component, String name) {
    return component.getProperty(name).map(Property::getValue).orElse("");
  }

  private static String value(Calendar calendar, String name) {
    return calendar.getProperty(name).map(Property::getValue).orElse("");
  }

  private static Instant instant(VEvent event) {
    return Instant.from(event.getDateTimeStart().getDate());
  }
}
