package id.rakorbot.dashboard;

import com.sun.net.httpserver.HttpHandler;
import id.rakorbot.config.ConfigCheck;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.feature.Feature;
import id.rakorbot.digest.Digests;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.telegram.Command;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The web dashboard: its Telegram commands, its HTTP handler, and the roster check after a config reload. */
public final class Dashboard implements Feature {

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final Clock clock;
  private final DashboardHttp http;

  public Dashboard(Jdbi jdbi, CurrentConfig config, Digests digests, Sessions sessions, Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.clock = clock;
    this.http = new DashboardHttp(jdbi, config, new Pages(digests, sessions));
  }

  /** Where the operations server serves it: {@code /dasbor}, and the icon browsers ask for at the root. */
  public static List<String> paths() {
    return List.of(Routes.BASE, Routes.FAVICON);
  }

  public HttpHandler handler() {
    return http;
  }

  /** The dashboard's checks: its base URL, map and tiles. */
  public static final ConfigCheck CHECK = new DashboardCheck();

  @Override
  public List<ConfigCheck> checks() {
    return List.of(CHECK);
  }

  @Override
  public List<Command> commands() {
    return List.of(new DasborCommand(clock), new KeluarDasborCommand(clock));
  }

  /**
   * After a reload: whoever left the roster or lost the admin/pimpinan role loses their sessions and links at
   * once (each request checks the roster too; this also clears the rows).
   */
  public void rosterChanged() {
    var current = config.get();
    jdbi.useTransaction(h -> Access.holders(h, clock.instant()).forEach(user -> {
      if (Viewers.allowed(current, user, false).isEmpty()) {
        Access.endEverythingOf(h, user, clock.instant());
      } else if (Viewers.allowed(current, user, true).isEmpty()) {
        Access.endKiosksOf(h, user, clock.instant());
      }
    }));
  }
}
