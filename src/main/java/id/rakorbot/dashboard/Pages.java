package id.rakorbot.dashboard;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.dashboard.Views.AlertRow;
import id.rakorbot.dashboard.Views.AreaRow;
import id.rakorbot.dashboard.Views.CategoryRow;
import id.rakorbot.dashboard.Views.FollowUpRow;
import id.rakorbot.dashboard.Views.Frame;
import id.rakorbot.dashboard.Views.MeetingRow;
import id.rakorbot.dashboard.Views.Option;
import id.rakorbot.dashboard.Views.OwnerGroup;
import id.rakorbot.dashboard.Views.ReportRow;
import id.rakorbot.dashboard.Views.WeekSummary;
import id.rakorbot.digest.DigestData;
import id.rakorbot.digest.Digests;
import id.rakorbot.digest.Week;
import id.rakorbot.followup.FollowUp;
import id.rakorbot.followup.FollowUps;
import id.rakorbot.report.ReportDao;
import id.rakorbot.report.Severity;
import id.rakorbot.rsvp.Attendance;
import id.rakorbot.schedule.IndonesianTime;
import id.rakorbot.schedule.Occurrence;
import id.rakorbot.schedule.ScheduleBook;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.warning.EarlyWarning;
import id.rakorbot.response.ResponseTimes;
import id.rakorbot.warning.EarlyWarnings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The pages' content, read with the digest's own queries (no second source of truth): the week's figures
 * come from {@link Digests#overview}, reports straight from the {@code report} table by the same filters.
 */
final class Pages {

  /** The Laporan table shows the newest this many; the CSV has them all. */
  static final int TABLE_ROWS = 500;
  /** Open alerts listed on Ringkasan and Layar; /tanggap and the digest count the rest. */
  static final int OPEN_ALERTS = 10;
  private static final int WEEKS_TO_PICK = 12;

  private final Digests digests;
  private final Sessions sessions;

  Pages(Digests digests, Sessions sessions) {
    this.digests = digests;
    this.sessions = sessions;
  }

  Instant now() {
    return sessions.now();
  }

  static ZoneId zone(RakorbotConfig config) {
    return config.bot().zone();
  }

  Week thisWeek(RakorbotConfig config) {
    return Week.containing(now(), zone(config));
  }

  Frame frame(RakorbotConfig config, String title, String tab, String viewer) {
    return new Frame(title, tab, viewer, Formats.dateTime(now(), zone(config)), institution(config));
  }

  private static String institution(RakorbotConfig config) {
    String region = config.bot().region();
    return region == null || region.isBlank() ? "Rakorbot" : region;
  }

  /** The weeks to choose from, newest first, {@code selected} marked (and added when older). */
  List<Option> weeks(RakorbotConfig config, Week selected) {
    Week week = thisWeek(config);
    List<Option> options = new ArrayList<>();
    for (int i = 0; i < WEEKS_TO_PICK; i++, week = week.minus(1)) {
      options.add(weekOption(week, week.equals(selected)));
    }
    if (options.stream().noneMatch(Option::selected)) {
      options.add(weekOption(selected, true));
    }
    return options;
  }

  /** "23–29 Nov 2026", the week's ISO label as its value: short enough for a phone's picker. */
  private static Option weekOption(Week week, boolean selected) {
    return new Option(week.label(), Formats.days(week.monday(), week.sunday()), selected);
  }

  /** The folded panel's line: the week, then each choice that narrows what is shown. */
  static Views.Filters filters(String action, List<Option> weeks, List<List<Option>> narrowing) {
    List<String> chosen = new ArrayList<>();
    weeks.stream().filter(Option::selected).findFirst().map(Option::label).ifPresent(chosen::add);
    narrowing.forEach(options -> options.stream().filter(o -> o.selected() && !o.value().isEmpty()).findFirst()
        .map(Option::label).ifPresent(chosen::add));
    return new Views.Filters(action, String.join(" · ", chosen));
  }

  WeekSummary summary(Handle handle, RakorbotConfig config, Week week) {
    DigestData d = digests.overview(handle, config, week, institution(config), false).data();
    List<CategoryRow> categories = d.categories().stream()
        .filter(c -> c.thisWeek() > 0 || c.lastWeek() > 0)
        .sorted((a, b) -> Long.compare(b.thisWeek(), a.thisWeek()))
        .map(c -> new CategoryRow(c.label(), Formats.number(c.thisWeek()), Formats.number(c.lastWeek()),
            Formats.change(c.thisWeek(), c.lastWeek()), Formats.changeClass(c.thisWeek(), c.lastWeek())))
        .toList();
    List<Option> severities = new ArrayList<>();
    for (Severity s : Severity.values()) {
      severities.add(new Option(s.key(), Formats.number(d.bySeverity().getOrDefault(s.key(), 0L)), false));
    }
    int hotspotAt = config.digest().hotspotReports();
    List<AreaRow> hotspots = d.areas().stream().filter(a -> a.reports() >= hotspotAt || a.awas())
        .map(a -> new AreaRow(a.area(), Formats.number(a.reports()), a.awas())).toList();
    List<Views.RegionRow> regions = d.regions().stream().map(r -> new Views.RegionRow(r.region(), Formats.number(r.reports()),
        r.byCategory().entrySet().stream().map(e -> e.getKey() + " " + Formats.number(e.getValue())).collect(Collectors.joining(", ")))).toList();
    return new WeekSummary(week.label(), IndonesianTime.date(week.monday()) + " s.d. " + IndonesianTime.date(week.sunday()),
        Formats.number(d.total()), Formats.number(d.totalLastWeek()), Formats.change(d.total(), d.totalLastWeek()),
        Formats.changeClass(d.total(), d.totalLastWeek()), categories, severities, hotspots,
        "Wilayah dengan sedikitnya " + hotspotAt + " laporan sepekan, atau dengan laporan AWAS.", d.silentAreas(),
        alerts(handle, zone(config)), regions, Routes.GRAFIK + "?pekan=" + week.label(),
        d.responseTimes().line().orElse("Tidak ada peringatan pekan ini."), openAlerts(handle));
  }

  /** The alerts not yet done, oldest first, as /tanggap lists them. */
  private List<Views.OpenAlertRow> openAlerts(Handle handle) {
    return ResponseTimes.open(handle, OPEN_ALERTS).stream().map(a -> new Views.OpenAlertRow(a.subject(), a.severity().toUpperCase(Locale.ROOT),
        a.severity(), a.area().orElse("seluruh wilayah"), ResponseTimes.span(java.time.Duration.between(a.raisedAt(), now())) + " lalu",
        a.handler().orElse("belum ditangani"), "tingkat " + a.level())).toList();
  }

  /** The early warnings still open, newest first. */
  private static List<AlertRow> alerts(Handle handle, ZoneId zone) {
    List<EarlyWarning> open = new ArrayList<>(EarlyWarnings.open(handle));
    open.sort((a, b) -> b.firedAt().compareTo(a.firedAt()));
    return open.stream().map(w -> new AlertRow(w.number(), w.level().toUpperCase(Locale.ROOT), w.level().toLowerCase(Locale.ROOT),
        w.ruleName(), w.where(), Formats.dateTime(w.firedAt(), zone))).toList();
  }

  byte[] chart(Handle handle, RakorbotConfig config, Week week) {
    return digests.overview(handle, config, week, institution(config), true).chart();
  }

  byte[] pdf(Handle handle, RakorbotConfig config, Week week) {
    return Digests.pdf(config, digests.overview(handle, config, week, institution(config), true), now().atZone(zone(config)));
  }

  Views.RingkasanPage ringkasan(Handle handle, RakorbotConfig config, String viewer, Week week) {
    List<Option> weeks = weeks(config, week);
    return new Views.RingkasanPage(frame(config, "Ringkasan", "ringkasan", viewer), filters(Routes.RINGKASAN, weeks, List.of()), weeks,
        summary(handle, config, week), Routes.REKAP_PDF + "?pekan=" + week.label());
  }

  Views.LaporanPage laporan(Handle handle, RakorbotConfig config, String viewer, ReportFilter filter) {
    long total = handle.attach(ReportDao.class).count(filter.query());
    List<ReportRow> rows = ReportRows.reports(handle, config, filter, TABLE_ROWS);
    String shown = total == 0 ? "Tidak ada laporan untuk pilihan ini."
        : total <= rows.size() ? Formats.number(total) + " laporan."
        : "Menampilkan " + Formats.number(rows.size()) + " terbaru dari " + Formats.number(total) + " laporan; unduh CSV untuk semuanya.";
    List<Option> weeks = weeks(config, filter.week());
    List<Option> categories = ReportRows.categories(config, filter);
    List<Option> areas = ReportRows.areas(config, filter);
    List<Option> severities = ReportRows.severities(filter);
    List<Option> statuses = ReportRows.statuses(filter);
    return new Views.LaporanPage(frame(config, "Laporan", "laporan", viewer),
        filters(Routes.LAPORAN, weeks, List.of(categories, areas, severities, statuses)), weeks, categories, areas, severities, statuses,
        rows, shown, Routes.LAPORAN_CSV + filter.queryString(), Routes.REKAP_PDF + "?pekan=" + filter.week().label());
  }

  Views.PetaPage peta(RakorbotConfig config, String viewer, ReportFilter filter) {
    var settings = config.dashboard();
    List<Option> weeks = weeks(config, filter.week());
    List<Option> categories = ReportRows.categories(config, filter);
    List<Option> severities = ReportRows.severities(filter);
    return new Views.PetaPage(frame(config, "Peta", "peta", viewer), filters(Routes.PETA, weeks, List.of(categories, severities)), weeks,
        categories, severities, Routes.PETA_DATA + filter.queryString(), settings.tileUrl() == null ? "" : settings.tileUrl(),
        settings.tileAttribution(), String.valueOf(settings.mapCenter().get(0)), String.valueOf(settings.mapCenter().get(1)),
        String.valueOf(settings.mapZoom()));
  }

  Views.ForumPage forum(Handle handle, RakorbotConfig config, String viewer) {
    return new Views.ForumPage(frame(config, "Forum", "forum", viewer), upcoming(handle, config, 20), past(handle, config));
  }

  /** Meetings of the next 60 days with their live tallies (no meeting row is created just to look). */
  List<MeetingRow> upcoming(Handle handle, RakorbotConfig config, int max) {
    List<String> groups = config.groups().stream().map(GroupConfig::id).toList();
    Instant until = now().plus(Duration.ofDays(60));
    return ScheduleBook.of(config).upcoming(groups, now(), 3).stream()
        .filter(o -> o.start().toInstant().isBefore(until))
        .limit(max)
        .map(o -> meeting(config, o, Attendance.roll(handle, Sessions.recordedId(handle, o).orElse(-1L), config, o.schedule().groups())))
        .toList();
  }

  /** Meetings held in the last 90 days, newest first, with who came. */
  private List<MeetingRow> past(Handle handle, RakorbotConfig config) {
    return sessions.heldWithin(handle, Duration.ofDays(90), 30).stream()
        .map(s -> meeting(config, s.occurrence(), Attendance.roll(handle, s.id(), config, s.schedule().groups())))
        .toList();
  }

  private static MeetingRow meeting(RakorbotConfig config, Occurrence o, Attendance.Roll roll) {
    String place = o.schedule().venue().orElse("") + (o.schedule().link().isPresent() ? (o.schedule().venue().isPresent() ? " · " : "") + "daring" : "");
    return new MeetingRow(o.schedule().title(), IndonesianTime.dateTime(o.start()), place, roll.counts(),
        Formats.number(roll.answered()) + " dari " + Formats.number(roll.expected().size()) + " menjawab");
  }

  Views.TindakLanjutPage tindakLanjut(Handle handle, RakorbotConfig config, String viewer) {
    LocalDate today = now().atZone(zone(config)).toLocalDate();
    List<FollowUp> open = FollowUps.open(handle);
    Map<String, List<FollowUp>> byOwner = open.stream().collect(Collectors.groupingBy(f -> f.owner().name(), java.util.TreeMap::new, Collectors.toList()));
    List<OwnerGroup> owners = byOwner.entrySet().stream().map(e -> {
      long overdue = e.getValue().stream().filter(f -> f.overdue(today)).count();
      return new OwnerGroup(e.getKey(), Formats.number(e.getValue().size()) + " terbuka" + (overdue > 0 ? " · " + Formats.number(overdue) + " lewat tenggat" : ""),
          e.getValue().stream().map(f -> followUp(f, today)).toList());
    }).toList();
    long overdue = open.stream().filter(f -> f.overdue(today)).count();
    String summary = open.isEmpty() ? "Tidak ada tindak lanjut yang terbuka."
        : Formats.number(open.size()) + " tindak lanjut terbuka, " + Formats.number(overdue) + " lewat tenggat.";
    return new Views.TindakLanjutPage(frame(config, "Tindak lanjut", "tindak-lanjut", viewer), summary, owners);
  }

  private static FollowUpRow followUp(FollowUp f, LocalDate today) {
    String state = f.overdue(today) ? "lewat tenggat " + (today.toEpochDay() - f.dueOn().toEpochDay()) + " hari"
        : f.inProgress() ? "dalam proses" : "belum ada kabar";
    String stateClass = f.overdue(today) ? "lewat" : f.inProgress() ? "proses" : "belum";
    return new FollowUpRow(f.number(), f.description(), IndonesianTime.dayAndDate(f.dueOn()), state, stateClass);
  }

  /** The wall screen: this week's figures, the newest reports, the next meetings, overdue arahan. */
  Views.LayarContent layar(Handle handle, RakorbotConfig config, boolean kiosk) {
    Week week = thisWeek(config);
    WeekSummary summary = summary(handle, config, week);
    LocalDate today = now().atZone(zone(config)).toLocalDate();
    List<FollowUp> overdue = FollowUps.open(handle).stream().filter(f -> f.overdue(today)).toList();
    ReportFilter thisWeek = new ReportFilter(week, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.Optional.empty());
    var local = now().atZone(zone(config));
    return new Views.LayarContent(institution(config), kiosk, IndonesianTime.clock(local) + " " + IndonesianTime.zone(zone(config)),
        IndonesianTime.dayAndDate(local.toLocalDate()), summary,
        ReportRows.reports(handle, config, thisWeek, 6), upcoming(handle, config, 3), Formats.number(overdue.size()),
        overdue.stream().limit(5).map(f -> followUp(f, today)).toList());
  }
}
