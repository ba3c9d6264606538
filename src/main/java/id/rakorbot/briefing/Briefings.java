package id.rakorbot.briefing;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.rsvp.Attendance;
import id.rakorbot.schedule.Calendar;
import id.rakorbot.schedule.Occurrence;
import id.rakorbot.schedule.Recurrence;
import id.rakorbot.schedule.Schedule;
import id.rakorbot.schedule.ScheduleBook;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import id.rakorbot.followup.FollowUp;
import id.rakorbot.followup.FollowUps;
import org.jdbi.v3.core.Handle;

/** Builds a {@link Briefing} from the reports, the calendar and the answers stored for earlier meetings. */
public final class Briefings {

  private Briefings() {}

  /** The bahan rapat of {@code meeting}, its follow-ups seen as of {@code now}. */
  public static Briefing build(Handle handle, RakorbotConfig config, Occurrence meeting, Instant now) {
    ScheduleBook book = ScheduleBook.of(config);
    Optional<Occurrence> previous = previousMeeting(book.calendar(), meeting);
    ZonedDateTime start = meeting.start();
    ZonedDateTime from = previous.map(Occurrence::start).orElseGet(() -> start.minus(length(meeting.schedule().recurrence())));
    var period = new BriefingPeriod(from.toInstant(), start.toInstant(), start.getZone());
    List<Briefing.AreaCount> areas = areas(handle, period);
    int threshold = config.digest().hotspotReports(); // a hotspot as in the digest: this many reports, or any awas
    Set<String> heard = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    areas.forEach(a -> heard.add(a.area()));
    heard.addAll(nihilAreas(handle, period));
    return new Briefing(meeting, period, previous.isPresent(), categories(handle, config, period),
        areas.stream().filter(a -> a.reports() >= threshold || a.awas()).toList(),
        config.reports().areas().stream().filter(a -> !heard.contains(a)).toList(),
        alerts(handle, config, period),
        previous.flatMap(p -> recorded(handle, p)).map(id -> new Briefing.PreviousMeeting(previous.get(),
            Attendance.roll(handle, id, config, meeting.schedule().groups()))),
        now.atZone(start.getZone()).toLocalDate(), followUps(handle, meeting, previous.flatMap(p -> recorded(handle, p))));
  }

  /** The previous meeting's arahan (done or not), then older ones of the schedule still open. */
  private static List<FollowUp> followUps(Handle handle, Occurrence meeting, Optional<Long> previousId) {
    Map<Long, FollowUp> items = new LinkedHashMap<>();
    previousId.ifPresent(id -> FollowUps.ofMeeting(handle, id).forEach(item -> items.put(item.id(), item)));
    FollowUps.openOf(handle, List.of(meeting.schedule().id()), 0).forEach(item -> items.putIfAbsent(item.id(), item));
    return List.copyOf(items.values());
  }

  /** The schedule's meeting before this one, on the same calendar (holidays shifted or skipped alike). */
  static Optional<Occurrence> previousMeeting(Calendar calendar, Occurrence meeting) {
    Instant searchFrom = meeting.start().minusMonths(13).toInstant();
    return calendar.next(meeting.schedule(), searchFrom, 400).stream()
        .filter(o -> o.start().isBefore(meeting.start()))
        .max(Comparator.comparing(o -> o.start().toInstant()));
  }

  /** How far back the first meeting of a schedule looks: one recurrence. */
  static java.time.temporal.TemporalAmount length(Recurrence recurrence) {
    return switch (recurrence) {
      case Recurrence.Weekly weekly -> Period.ofWeeks(1);
      case Recurrence.Monthly monthly -> Period.ofMonths(monthly.months());
      default -> Period.ofMonths(1); // a one-off or a cron: the month before
    };
  }

  private static Optional<Long> recorded(Handle handle, Occurrence occurrence) {
    return handle.createQuery("SELECT id FROM schedule_occurrence WHERE schedule_id = :schedule AND starts_at = :at")
        .bind("schedule", occurrence.schedule().id()).bind("at", occurrence.start().toInstant())
        .mapTo(Long.class).findOne();
  }

  private static List<Briefing.CategoryChange> categories(Handle handle, RakorbotConfig config, BriefingPeriod now) {
    var before = now.previous();
    var yearAgo = now.yearEarlier();
    Map<String, long[]> counts = new LinkedHashMap<>();
    handle.createQuery("""
            SELECT category,
                   count(*) FILTER (WHERE created_at >= :nowFrom AND created_at < :nowTo) AS now,
                   count(*) FILTER (WHERE created_at >= :beforeFrom AND created_at < :beforeTo) AS before,
                   count(*) FILTER (WHERE created_at >= :yearFrom AND created_at < :yearTo) AS year_ago
            FROM report
            WHERE NOT nihil AND (created_at >= :nowFrom AND created_at < :nowTo
                OR created_at >= :beforeFrom AND created_at < :beforeTo OR created_at >= :yearFrom AND created_at < :yearTo)
            GROUP BY category""")
        .bind("nowFrom", now.from()).bind("nowTo", now.to())
        .bind("beforeFrom", before.from()).bind("beforeTo", before.to())
        .bind("yearFrom", yearAgo.from()).bind("yearTo", yearAgo.to())
        .map((rs, ctx) -> Map.entry(rs.getString("category"), new long[] {rs.getLong("now"), rs.getLong("before"), rs.getLong("year_ago")}))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    List<Briefing.CategoryChange> ordered = new ArrayList<>();
    for (var category : config.reports().categories()) { // the config's order, as people know it
      long[] c = counts.remove(category.key());
      if (c != null) {
        ordered.add(new Briefing.CategoryChange(category.key(), category.label(), c[0], c[1], c[2]));
      }
    }
    counts.forEach((key, c) -> ordered.add(new Briefing.CategoryChange(key, key, c[0], c[1], c[2])));
    return ordered;
  }

  private static List<Briefing.AreaCount> areas(Handle handle, BriefingPeriod period) {
    return handle.createQuery("""
            SELECT area, count(*) AS reports, bool_or(severity = 'awas') AS awas FROM report
            WHERE NOT nihil AND area IS NOT NULL AND created_at >= :from AND created_at < :to
            GROUP BY area ORDER BY count(*) DESC, area""")
        .bind("from", period.from()).bind("to", period.to())
        .map((rs, ctx) -> new Briefing.AreaCount(rs.getString("area"), rs.getLong("reports"), rs.getBoolean("awas"))).list();
  }

  private static List<String> nihilAreas(Handle handle, BriefingPeriod period) {
    return handle.createQuery("""
            SELECT DISTINCT area FROM report WHERE nihil AND status <> 'superseded' AND area IS NOT NULL
            AND created_at >= :from AND created_at < :to""")
        .bind("from", period.from()).bind("to", period.to()).mapTo(String.class).list();
  }

  private static List<Briefing.Alert> alerts(Handle handle, RakorbotConfig config, BriefingPeriod period) {
    Map<String, String> labels = new LinkedHashMap<>();
    config.reports().categories().forEach(c -> labels.put(c.key(), c.label()));
    return handle.createQuery("""
            SELECT number, category, severity, area, status, created_at FROM report
            WHERE NOT nihil AND severity IN ('siaga', 'awas') AND created_at >= :from AND created_at < :to
            ORDER BY created_at""")
        .bind("from", period.from()).bind("to", period.to())
        .map((rs, ctx) -> new Briefing.Alert(rs.getString("number"),
            labels.getOrDefault(rs.getString("category"), rs.getString("category")), rs.getString("severity"),
            rs.getString("area"), rs.getString("status"), rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
        .list();
  }
}
