package id.rakorbot.briefing;

import id.rakorbot.feature.Feature;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.telegram.Command;
import java.util.List;

/** The bahan rapat, wired: /bahan on demand; {@link BriefingPoster} posts it by itself through the reminders. */
public final class BriefingFeature implements Feature {

  private final Sessions sessions;

  public BriefingFeature(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public List<Command> commands() {
    return List.of(new BahanCommand(sessions));
  }
}
