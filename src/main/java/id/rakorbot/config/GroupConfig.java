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
 * @param autoDeleteMinutes how long an answer meant for one person stays in the group when Telegram could not show
 *     it to that person alone and the bot cannot write to them privately (default 10)
 */
public record GroupConfig(String id, Long chatId, String name, String region, Integer topicId, String timeZone,
    Integer autoDeleteMinutes) {

  public static final int DEFAULT_AUTO_DELETE_MINUTES = 10;

  public GroupConfig(String id, Long chatId, String name, String region, Integer topicId, String timeZone) {
    this(id, chatId, name, region, topicId, timeZone, null);
  }

  public java.time.Duration autoDelete() {
    return java.time.Duration.ofMinutes(autoDeleteMinutes == null ? DEFAULT_AUTO_DELETE_MINUTES : autoDeleteMinutes);
  }

  /** The group's zone: its own, else {@code fallback} (the bot's). */
  public java.time.ZoneId zone(java.time.ZoneId fallback) {
    return timeZone == null || timeZone.isBlank() ? fallback : java.time.ZoneId.of(timeZone.trim());
  }

  public Optional<Integer> topic() {
    return Optional.ofNullable(topicId);
  }
}
