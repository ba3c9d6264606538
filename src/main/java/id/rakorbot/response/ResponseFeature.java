package id.rakorbot.response;

import id.rakorbot.background.Loop;
import id.rakorbot.config.ConfigCheck;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.feature.Feature;
import id.rakorbot.telegram.CallbackHandler;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.MessageHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/** Response to alerts, wired: the buttons, the outcome replies, /tanggap, and the ladder's sweep every 30 seconds. */
public final class ResponseFeature implements Feature {

  /** {@code response:} and the roster's atasan. */
  public static final ConfigCheck CHECK = new ResponseCheck();

  private final AlertDesk desk;
  private final Ladder ladder;
  private final Loop sweeps = new Loop("alert-escalation");

  public ResponseFeature(Jdbi jdbi, CurrentConfig config, AlertDesk desk) {
    this.desk = desk;
    this.ladder = new Ladder(jdbi, config, desk, desk.metrics());
  }

  public AlertDesk desk() {
    return desk;
  }

  /** One sweep now, in the caller's thread: tests after moving the clock, and the benchmark. Returns the levels told. */
  public int sweep() {
    return ladder.sweep();
  }

  @Override
  public List<Command> commands() {
    return List.of(new TanggapCommand(desk.clock()));
  }

  @Override
  public List<CallbackHandler> callbacks() {
    return List.of(new AlertButtons(desk, ladder));
  }

  @Override
  public List<MessageHandler> messageHandlers() {
    return List.of(new OutcomeReply(desk));
  }

  @Override
  public List<ConfigCheck> checks() {
    return List.of(CHECK);
  }

  @Override
  public Map<String, BooleanSupplier> loops() {
    return Map.of("alert-escalation", sweeps::alive);
  }

  @Override
  public void start() {
    sweeps.start(() -> {
      ladder.sweep();
      return Duration.ofSeconds(30);
    });
  }

  @Override
  public void close() {
    sweeps.close();
  }
}
