package id.rakorbot.report;

/** How a report's stored status reads for people: in the CSV, the briefing and /laporanku. */
public final class ReportStatus {

  private ReportStatus() {}

  /** "terbuka", "ditutup", or "nihil tidak berlaku" (a nihil superseded by a real report that day). */
  public static String label(String stored) {
    return switch (stored) {
      case "closed" -> "ditutup";
      case "superseded" -> "nihil tidak berlaku";
      default -> "terbuka";
    };
  }
}
