package id.rakorbot.config;

/**
 * The weekly digest (rekap mingguan).
 *
 * @param weekday the day it is sent, Indonesian or English (default senin)
 * @param time local time it is sent, "07:00" (default)
 * @param hotspotReports an area with at least this many reports in a week is a hotspot (wilayah rawan)
 * @param enabled false to send no digests automatically (/rekap still works)
 */
public record DigestConfig(String weekday, String time, Integer hotspotReports, Boolean enabled) {

  public DigestConfig {
    weekday = weekday == null || weekday.isBlank() ? "senin" : weekday.trim();
    time = time == null || time.isBlank() ? "07:00" : time.trim();
    hotspotReports = hotspotReports == null ? 3 : hotspotReports;
    enabled = enabled == null || enabled;
  }

  static DigestConfig defaults() {
    return new DigestConfig(null, null, null, null);
  }
}
