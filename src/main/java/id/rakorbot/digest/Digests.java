package id.rakorbot.digest;

import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.report.ReportCsv;
import id.rakorbot.report.ReportQuery;
import id.rakorbot.outbox.OutgoingFile;
import id.rakorbot.schedule.IndonesianTime;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.telegram.Groups;
import id.rakorbot.warning.EarlyWarnings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/** Builds a group's digest for a week and sends it: text parts and chart to the group, the CSV to admins. */
public final class Digests {

  /**
   * A built digest: the text in parts under Telegram's limit, the chart PNG, and the figures the files are
   * made of when they are sent ({@link #csv}, {@link #pdf}): a /rekap in a group sends neither.
   */
  public record Digest(Week week, List<String> parts, byte[] chart, DigestData data) {}

  /** What a closed week's reports add up to cannot change: its figures and chart are kept (see {@link ClosedWeeks}). */
  private final ClosedWeeks closedWeeks = new ClosedWeeks();

  private final CurrentConfig config;
  private final Sessions sessions;
  private final Groups groups;
  private final Outbox outbox;
  private final Clock clock;

  public Digests(CurrentConfig config, Sessions sessions, Groups groups, Outbox outbox, Clock clock) {
    this.config = config;
    this.sessions = sessions;
    this.groups = groups;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Builds the digest; also what the offline {@code digest} command writes to files. */
  public static Digest build(Handle handle, RakorbotConfig config, GroupConfig group, Week week, Sessions sessions) {
    return buildAll(handle, config, List.of(group), week, sessions, ClosedWeeks.NONE).get(group);
  }

  /** As {@link #build}, keeping a closed week's figures for the next time. */
  public Digest buildCached(Handle handle, RakorbotConfig config, GroupConfig group, Week week) {
    return buildAll(handle, config, List.of(group), week, sessions, closedWeeks).get(group);
  }

  /**
   * Builds the digests of several groups sharing one week and zone: the report figures and chart are
   * computed once (or kept, for a closed week); only each group's forums, coming meetings and follow-ups are its own.
   */
  static Map<GroupConfig, Digest> buildAll(Handle handle, RakorbotConfig config, List<GroupConfig> groups, Week week,
      Sessions sessions, ClosedWeeks kept) {
    Map<List<String>, ClosedWeeks.Figures> byRegion = new java.util.HashMap<>(); // one region's figures serve all its groups
    Map<GroupConfig, Digest> digests = new LinkedHashMap<>();
    for (GroupConfig group : groups) {
      ClosedWeeks.Figures figures = byRegion.computeIfAbsent(DigestQueries.areasSeenBy(config, group),
          areas -> kept.figures(handle, config, week, sessions.now(), areas));
      DigestData data = DigestQueries.forGroup(handle, config, group, figures.reports(), sessions);
      digests.put(group, new Digest(week, DigestText.split(DigestText.render(data, config.digest().hotspotReports())), figures.chart(), data));
    }
    return digests;
  }

  /**
   * The whole deployment's week (every area, no group's forums): the dashboard's Ringkasan and Layar. The same
   * queries and chart as a group's digest, and a closed week's figures kept the same way.
   *
   * @param title what the printed version is headed with ("Kota Malang")
   * @param withChart whether the chart is needed: a page that shows it asks for it separately, and an open
   *     week's chart is drawn afresh each time (a closed week's is kept anyway)
   */
  public Digest overview(Handle handle, RakorbotConfig config, Week week, String title, boolean withChart) {
    boolean open = sessions.now().isBefore(week.end());
    ClosedWeeks.Figures figures = open && !withChart
        ? new ClosedWeeks.Figures(DigestQueries.reports(handle, config, week, List.of()), new byte[0])
        : closedWeeks.figures(handle, config, week, sessions.now(), List.of());
    DigestData r = figures.reports();
    DigestData data = new DigestData(week, title, r.categories(), r.bySeverity(), r.open(), r.closed(), r.areas(), r.areasWithReports(),
        r.areasOnlyNihil(), r.silentAreas(), List.of(), List.of(), DigestData.FollowUpSummary.NONE,
        EarlyWarnings.raisedBetween(handle, week.start(), week.end()),
        config.reports().regions().isEmpty() ? List.of() : DigestQueries.byRegion(handle, config, week),
        id.rakorbot.response.ResponseTimes.between(handle, week.start(), week.end(), sessions.now()));
    return new Digest(week, List.of(), figures.chart(), data);
  }

  /** The week's reports as CSV for Excel. */
  public static byte[] csv(Handle handle, RakorbotConfig config, Digest digest) {
    return ReportCsv.of(handle, ReportQuery.between(digest.week().start(), digest.week().end()).withNihil(), config.reports(),
        digest.week().zone());
  }

  /** The digest on A4, printed at {@code printedAt}. */
  public static byte[] pdf(RakorbotConfig config, Digest digest, java.time.ZonedDateTime printedAt) {
    return DigestPdf.render(config, digest.data(), digest.chart(), printedAt);
  }

  public Week lastWeek(GroupConfig group) {
    return Week.containing(clock.instant(), zone(group)).minus(1);
  }

  public Week thisWeek(GroupConfig group) {
    return Week.containing(clock.instant(), zone(group));
  }

  public java.time.ZoneId zone(GroupConfig group) {
    return group.zone(config.get().bot().zone());
  }

  public Sessions sessions() {
    return sessions;
  }

  /**
   * The weekly digest of a group: to the group, and the CSV to each admin. Once per group and week, also
   * with several instances: every message carries a dedup key.
   */
  void sendWeekly(Handle handle, List<GroupConfig> sameZone, Week week) {
    RakorbotConfig current = config.get();
    Map<GroupConfig, Digest> built = buildAll(handle, current, sameZone, week, sessions, closedWeeks);
    byte[] csv = current.admins().isEmpty() ? null : csv(handle, current, built.values().iterator().next()); // one week, one CSV
    built.forEach((group, digest) -> {
      if (id.rakorbot.siaga.MasaSiaga.weeklyDigestReplaced(current, group.id(), clock.instant().atZone(zone(group)).toLocalDate())) {
        return; // the masa siaga's daily digests stand in for it
      }
      if (groups.reachable(handle, group.id()).isEmpty()) {
        return; // waits for an admin to bind it
      }
      String key = "digest:" + group.id() + ":" + week.label();
      long chatId = groups.chatIdOf(handle, group);
      post(handle, chatId, group.topic(), digest, Priority.SCHEDULED, Optional.of(key));
      if (csv != null) {
        OutgoingFile pdf = pdfFile(current, digest, group);
        for (Official admin : current.admins()) {
          outbox.enqueueFile(handle, admin.userId(), Optional.empty(), csvFile(digest, group, csv), Priority.BULK,
              Optional.of(key + ":csv:" + admin.userId()));
          outbox.enqueueFile(handle, admin.userId(), Optional.empty(), pdf, Priority.BULK, Optional.of(key + ":pdf:" + admin.userId()));
        }
      }
    });
  }

  /** Text parts and chart into a chat, in order (the outbox keeps a chat's order). */
  void post(Handle handle, long chatId, Optional<Integer> topic, Digest digest, Priority priority, Optional<String> key) {
    for (int i = 0; i < digest.parts().size(); i++) {
      var message = SendMessage.builder().chatId(chatId).text(digest.parts().get(i)).parseMode(ParseMode.HTML).disableWebPagePreview(true);
      topic.ifPresent(message::messageThreadId);
      int part = i;
      outbox.enqueue(handle, chatId, message.build(), priority, key.map(k -> k + ":" + part));
    }
    outbox.enqueueFile(handle, chatId, topic,
        OutgoingFile.photo("rekap-" + digest.week().label() + ".png", digest.chart(), "Laporan per kategori, pekan " + digest.week().label()),
        priority, key.map(k -> k + ":chart"));
  }

  static OutgoingFile csvFile(Digest digest, GroupConfig group, byte[] csv) {
    return OutgoingFile.document("laporan-" + digest.week().label() + ".csv", csv,
        "Laporan pekan " + digest.week().label() + " (" + IndonesianTime.date(digest.week().monday()) + " s.d. "
            + IndonesianTime.date(digest.week().sunday()) + "), untuk " + id.rakorbot.telegram.Html.escape(group.name()));
  }

  /** The printable digest, for the admins to print and sign. */
  OutgoingFile pdfFile(RakorbotConfig current, Digest digest, GroupConfig group) {
    return OutgoingFile.document("rekap-" + group.id() + "-" + digest.week().label() + ".pdf",
        pdf(current, digest, clock.instant().atZone(digest.week().zone())),
        "Rekap mingguan " + id.rakorbot.telegram.Html.escape(group.name()) + ", pekan " + digest.week().label() + " (PDF untuk dicetak)");
  }
}
