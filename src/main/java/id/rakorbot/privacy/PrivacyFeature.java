package id.rakorbot.privacy;

import id.rakorbot.config.CurrentConfig;
import id.rakorbot.feature.Feature;
import id.rakorbot.telegram.CallbackHandler;
import id.rakorbot.telegram.Command;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/** UU PDP in the running bot: the daily retention loop, /privasi, /data_saya and /hapus_data. */
public final class PrivacyFeature implements Feature {

  private final Retention retention;
  private final Clock clock;

  public PrivacyFeature(Jdbi jdbi, CurrentConfig config, Clock clock) {
    this.retention = new Retention(jdbi, config, clock);
    this.clock = clock;
  }

  /** The retention loop, which tests run after moving the clock. */
  public Retention retention() {
    return retention;
  }

  @Override
  public List<Command> commands() {
    return List.of(new PrivasiCommand(), new DataSayaCommand(clock), new HapusDataCommand(clock));
  }

  @Override
  public List<CallbackHandler> callbacks() {
    return List.of(new ErasureButtons(clock));
  }

  @Override
  public Map<String, BooleanSupplier> loops() {
    return Map.of("retention", retention::alive);
  }

  @Override
  public void start() {
    retention.start();
  }

  @Override
  public void close() {
    retention.close();
  }
}
