package id.rakorbot.dashboard;

import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.Role;
import java.util.Optional;

/** Who may see the dashboard, checked again on every request against the roster as it is now. */
final class Viewers {

  private Viewers() {}

  /** Admins and pimpinan; a wall screen as long as the admin who set it up is still an admin. */
  static Optional<Official> allowed(RakorbotConfig config, long userId, boolean kiosk) {
    return config.official(userId).filter(o -> kiosk ? o.has(Role.ADMIN) : o.has(Role.ADMIN) || o.has(Role.PIMPINAN));
  }
}
