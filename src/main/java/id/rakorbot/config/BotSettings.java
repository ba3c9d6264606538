package id.rakorbot.config;

import java.time.ZoneId;

/**
 * How the bot behaves everywhere.
 *
 * @param timeZone IANA zone of the region (Asia/Jakarta = WIB, Asia/Makassar = WITA, Asia/Jayapura = WIT)
 * @param language language of every message; only {@code id} (Bahasa Indonesia) exists
 * @param leaveUndeclaredGroups whether the bot leaves a group that is not in {@code groups}
 */
public record BotSettings(String timeZone, String language, Boolean leaveUndeclaredGroups) {

  public static final String DEFAULT_ZONE = "Asia/Jakarta";

  public BotSettings {
    timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_ZONE : timeZone.trim();
    language = language == null || language.isBlank() ? "id" : language.trim();
    leaveUndeclaredGroups = leaveUndeclaredGroups == null || leaveUndeclaredGroups;
  }

  static BotSettings defaults() {
    return new BotSettings(null, null, null);
  }

  /** The zone; call only on a validated config. */
  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }
}
