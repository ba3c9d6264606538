package id.rakorbot.followup;

import id.rakorbot.config.RakorbotConfig;
import java.util.List;
import java.util.Optional;

/** Who answers for an arahan: a roster member, or a unit (OPD) declared under {@code follow_ups.units}. */
public record Owner(Optional<Long> userId, Optional<String> unit, String name) {

  /** The people who get the item's notices and may close it. */
  List<Long> contacts(RakorbotConfig config) {
    if (userId.isPresent()) {
      return List.of(userId.get());
    }
    return unit.flatMap(key -> config.followUps().unit(key)).map(u -> u.contacts()).orElse(List.of());
  }

  boolean answersFor(long user, RakorbotConfig config) {
    return contacts(config).contains(user);
  }
}
