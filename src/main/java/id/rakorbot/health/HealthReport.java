package id.rakorbot.health;

import id.rakorbot.outbox.OutboxStatus;
import id.rakorbot.telegram.IntakeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What the {@code health} command reads from the database: when the bot last polled Telegram, how far the
 * inbox lags, how old the oldest unsent message is, and how many updates were set aside.
 *
 * @param setAside updates that could not be stored or kept failing (see {@code inbox_set_aside})
 */
public record HealthReport(Optional<Instant> lastPoll, List<String> stoppedLoops, Duration inboxLag,
    Optional<Instant> oldestPending, long setAside, List<String> instances, Instant now) {

  /** Each figure asked of the feature that owns its table: the heartbeats here, the inbox and the outbox there. */
  public static HealthReport read(Jdbi jdbi, Instant now) {
    return jdbi.withHandle(h -> new HealthReport(
        Heartbeat.latest(jdbi),
        Heartbeat.stoppedLoops(jdbi),
        IntakeStatus.lag(h),
        OutboxStatus.oldestPending(h),
        IntakeStatus.setAside(h),
        Heartbeat.instances(jdbi),
        now));
  }

  /** Healthy while the bot polls Telegram and every background loop runs; a lag or set-aside updates are reported, not fatal. */
  public boolean healthy() {
    return pollAge().compareTo(Heartbeat.STALE_AFTER) <= 0 && stoppedLoops.isEmpty();
  }

  private Duration pollAge() {
    return lastPoll.map(at -> Duration.between(at, now)).orElse(Duration.ofDays(365));
  }

  /** One line per fact, in Indonesian, the first saying SEHAT or TIDAK SEHAT. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    if (!stoppedLoops.isEmpty()) {
      lines.add("TIDAK SEHAT: proses latar berhenti (lihat log ERROR): " + String.join("; ", stoppedLoops) + ".");
    } else {
      lines.add(healthy()
          ? "SEHAT: database terhubung, poll terakhir " + pollAge().toSeconds() + " detik lalu."
          : "TIDAK SEHAT: database terhubung, tetapi poll terakhir ke Telegram "
              + lastPoll.map(at -> pollAge().toSeconds() + " detik lalu").orElse("belum pernah") + ".");
    }
    lines.add("Instans aktif: " + (instances.isEmpty() ? "tidak ada" : String.join(", ", instances)) + ".");
    lines.add("Antrean masuk: pembaruan tertua yang belum diproses menunggu " + inboxLag.toSeconds() + " detik.");
    lines.add("Antrean keluar: " + oldestPending.map(at -> "pesan tertua menunggu " + Duration.between(at, now).toSeconds() + " detik.")
        .orElse("kosong."));
    lines.add("Pembaruan disisihkan (tidak dapat disimpan atau selalu gagal diproses): " + setAside
        + (setAside > 0 ? " — lihat tabel inbox_set_aside." : "."));
    return lines;
  }
}
