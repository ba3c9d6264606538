package id.rakorbot.followup;

import id.rakorbot.config.FollowUpsConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import java.util.Optional;

/** Who "@word" names: a unit key, a roster member's username, or a roster member's numeric id. */
final class Owners {

  private Owners() {}

  static Optional<Owner> named(RakorbotConfig config, String word) {
    String key = word.strip().replaceFirst("^@", "");
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Optional<FollowUpsConfig.Unit> unit = config.followUps().unit(key);
    if (unit.isPresent()) {
      return Optional.of(new Owner(Optional.empty(), Optional.of(unit.get().key()), unit.get().name()));
    }
    Optional<Official> person = config.roster().stream().filter(o -> o.username() != null && o.username().equalsIgnoreCase(key)).findFirst();
    if (person.isEmpty() && key.matches("\\d{1,15}")) {
      person = config.official(Long.parseLong(key));
    }
    return person.map(Owners::of);
  }

  static Owner of(Official official) {
    return new Owner(Optional.of(official.userId()), Optional.empty(), official.name());
  }
}
