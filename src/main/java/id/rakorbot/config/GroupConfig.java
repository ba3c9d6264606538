package id.rakorbot.config;

import java.util.Optional;

/**
 * A Telegram group the bot serves.
 *
 * @param id short stable key used elsewhere in the config ("forkopimda")
 * @param chatId Telegram chat id (negative for groups, -100... for supergroups)
 * @param name name shown in messages
 * @param region Kota/Kabupaten the group belongs to
 * @param topicId forum topic (message thread) to post into, if the group uses topics
 * @param timeZone the group's zone when it differs from the bot's (its digest week runs in it)
 */
public record GroupConfig(String id, Long chatId, String name, String region, Integer topicId, String timeZone) {

  /** The group's zone: its own, else {@code fallback} (the bot's). */
  public java.time.ZoneId zone(java.time.ZoneId fallback) {
    return timeZone == null || timeZone.isBlank() ? fallback : java.time.ZoneId.of(timeZone.trim());
  }

  public Optional<Integer> topic() {
    return Optional.ofNullable(topicId);
  }
}
