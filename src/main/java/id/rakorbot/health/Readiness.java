package id.rakorbot.health;

import id.rakorbot.ops.OperationsServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/** What {@code /readyz} says: ready while the database answers and every loop of this instance runs; the rest for whoever looks. */
public final class Readiness {

  private final Jdbi jdbi;
  private final Heartbeat heartbeat;
  private final BooleanSupplier leading;
  private final String leaderDuties;
  private final Clock clock;

  /** @param leaderDuties what this instance does while it leads, in Indonesian: "polling Telegram dan mengirim pesan" */
  public Readiness(Jdbi jdbi, Heartbeat heartbeat, BooleanSupplier leading, String leaderDuties, Clock clock) {
    this.jdbi = jdbi;
    this.heartbeat = heartbeat;
    this.leading = leading;
    this.leaderDuties = leaderDuties;
    this.clock = clock;
  }

  public OperationsServer.Readiness now() {
    List<String> lines = new ArrayList<>();
    List<String> stopped = heartbeat.stoppedLoops();
    HealthReport report = null;
    try {
      report = HealthReport.read(jdbi, clock.instant());
    } catch (RuntimeException e) {
      lines.add("Database: tidak dapat dihubungi (" + e.getMessage() + ").");
    }
    boolean ready = report != null && stopped.isEmpty();
    lines.addFirst(ready ? "SIAP" : "TIDAK SIAP");
    lines.add("Peran: " + (leading.getAsBoolean() ? "pemimpin (" + leaderDuties + ")" : "siaga"));
    lines.add("Proses latar berhenti: " + (stopped.isEmpty() ? "tidak ada" : String.join(", ", stopped)) + ".");
    if (report != null) {
      lines.add("Database: terhubung.");
      lines.addAll(report.lines().subList(1, report.lines().size()));
    }
    return new OperationsServer.Readiness(ready, lines);
  }
}
