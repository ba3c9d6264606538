package id.rakorbot.dashboard;

import java.util.List;

/** What the templates show: every value already worded and formatted; the templates escape it all. */
public final class Views {

  private Views() {}

  /** The page around the content: its title, the active tab, who is looking, when the figures were read. */
  public record Frame(String title, String tab, String viewer, String updated, String institution) {}

  /** A choice in a filter or the week picker. */
  public record Option(String value, String label, boolean selected) {}

  public record CategoryRow(String label, String thisWeek, String lastWeek, String change, String changeClass) {}

  public record AreaRow(String area, String reports, boolean awas) {}

  public record AlertRow(String number, String level, String levelClass, String name, String where, String since) {}

  public record RegionRow(String region, String reports, String categories) {}

  public record ReportRow(String number, String time, String category, String severity, String severityClass, String area,
      String reporter, String description, String status) {}

  public record MeetingRow(String title, String when, String place, String tally, String answered) {}

  public record FollowUpRow(String number, String description, String due, String state, String stateClass) {}

  public record OwnerGroup(String owner, String counts, List<FollowUpRow> items) {}

  /** One week's figures for the whole deployment: Ringkasan shows them all, Layar the top of them. */
  public record WeekSummary(String week, String period, String total, String lastWeekTotal, String change, String changeClass,
      List<CategoryRow> categories, List<Option> severities, List<AreaRow> hotspots, String hotspotRule, List<String> silent,
      List<AlertRow> alerts, List<RegionRow> regions, String chartUrl, String responseLine, List<OpenAlertRow> openAlerts) {}

  /** An alert not yet done: how old, who holds it, how far up the ladder it went. */
  public record OpenAlertRow(String subject, String level, String levelClass, String where, String age, String handler, String ladder) {}

  /**
   * A page's filters: folded into a panel on a phone, whose closed line {@code choice} says what is shown
   * ("23–29 Nov 2026 · Narkoba · Klojen").
   */
  public record Filters(String action, String choice) {}

  public record RingkasanPage(Frame frame, Filters filters, List<Option> weeks, WeekSummary summary, String pdfUrl) {}

  public record LaporanPage(Frame frame, Filters filters, List<Option> weeks, List<Option> categories, List<Option> areas,
      List<Option> severities, List<Option> statuses, List<ReportRow> rows, String shown, String csvUrl, String pdfUrl) {}

  public record PetaPage(Frame frame, Filters filters, List<Option> weeks, List<Option> categories, List<Option> severities,
      String dataUrl, String tileUrl, String tileAttribution, String centerLat, String centerLon, String zoom) {}

  public record ForumPage(Frame frame, List<MeetingRow> upcoming, List<MeetingRow> past) {}

  /** A row of the audit trail as the table shows it. */
  public record AuditLine(String time, String action, String actor, String subject, String origin, String details) {}

  public record AuditTrailPage(Frame frame, Filters filters, String from, String to, List<Option> actions, String actor,
      List<AuditLine> lines, String shown, String csvUrl) {}

  public record TindakLanjutPage(Frame frame, String summary, List<OwnerGroup> owners) {}

  /**
   * The wall screen's content, fetched again every {@code refreshSeconds}, its heading and clock included;
   * {@code kiosk} is a wall screen's session, which has no dashboard to go back to.
   */
  public record LayarContent(String institution, boolean kiosk, String clock, String date, WeekSummary summary,
      List<ReportRow> latest, List<MeetingRow> meetings, String overdue, List<FollowUpRow> overdueItems) {}

  public record LayarPage(Frame frame, String refreshSeconds, LayarContent content) {}

  /** Why a request was refused, and what to do. */
  public record MessagePage(String title, String message, String hint) {}

  /** The confirmation before a link is used: a link preview that opens it does not spend it. */
  public record LoginPage(String token) {}
}
