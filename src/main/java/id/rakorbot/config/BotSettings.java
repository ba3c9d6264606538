package id.rakorbot.config;

import java.time.ZoneId;

/**
 * How the bot behaves everywhere.
 *
 * @param timeZone IANA zone of the region (Asia/Jakarta = WIB, Asia/Makassar = WITA, Asia/Jayapura = WIT)
 * @param language language of every message; only {@code id} (Bahasa Indonesia) exists
 * @param leaveUndeclaredGroups whether the bot leaves a group that is not in {@code groups}
 * @param institution who issues the printed reports, on their letterhead ("Badan Kesatuan Bangsa dan Politik")
 * @param region the city or regency under it ("Kota Malang"); default: the first group's region
 */
public record BotSettings(String timeZone, String language, Boolean leaveUndeclaredGroups, String institution, String region) {

  public static final String DEFAULT_ZONE = "Asia/Jakarta";

  public BotSettings {
    timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_ZONE : timeZone.trim();
    language = language == null || language.isBlank() ? "id" : language.trim();
    leaveUndeclaredGroups = leaveUndeclaredGroups == null || leaveUndeclaredGroups;
    institution = institution == null || institution.isBlank() ? "Badan Kesatuan Bangsa dan Politik" : institution.strip();
    region = region == null || region.isBlank() ? null : region.strip();
  }

  static BotSettings defaults() {
    return new BotSettings(null, null, null, null, null);
  }

  /** The zone; call only on a validated config. */
  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }
}
