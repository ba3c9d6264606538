package id.rakorbot.digest;

import id.rakorbot.config.ConfigCheck;
import id.rakorbot.feature.Feature;
import id.rakorbot.telegram.Command;
import java.util.List;

/** The weekly digest, wired: /rekap and the digest's checks; its Quartz job is planned by {@link DigestSchedule}. */
public final class DigestFeature implements Feature {

  /** When the digest goes out and what counts as a hotspot. */
  public static final ConfigCheck CHECK = new DigestCheck();

  private final Digests digests;

  public DigestFeature(Digests digests) {
    this.digests = digests;
  }

  @Override
  public List<Command> commands() {
    return List.of(new RekapCommand(digests));
  }

  @Override
  public List<ConfigCheck> checks() {
    return List.of(CHECK);
  }
}
