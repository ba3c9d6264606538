package id.rakorbot.privacy;

import id.rakorbot.background.Loop;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.DataProtection;
import id.rakorbot.config.RakorbotConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import id.rakorbot.report.ReportPrivacy;
import id.rakorbot.response.AlertPrivacy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code data_protection.retention} once a day, across instances and restarts (the day is claimed in
 * {@code retention_run} in the sweep's own transaction): sent messages, reports' personal fields, photos, ended
 * dashboard sessions and the oldest audit rows. Processed updates are the inbox's own, pruned hourly by
 * {@code InboxPruning}. The loop looks every hour whether today has been swept.
 */
public final class Retention implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);
  private static final Duration EVERY = Duration.ofHours(1);
  /** An unconfirmed /hapus_data, and a flood-limit window, are forgotten after a day. */
  private static final Duration ERASURE_REQUESTS = Duration.ofDays(1);

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final Clock clock;
  private final Loop loop = new Loop("retention");

  public Retention(Jdbi jdbi, CurrentConfig config, Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.clock = clock;
  }

  void start() {
    loop.start(() -> {
      runDue();
      return EVERY;
    });
  }

  boolean alive() {
    return loop.alive();
  }

  /** Sweeps unless today (in the bot's zone) has been swept; what it removed, or empty when it had been. */
  public Optional<Map<String, Integer>> runDue() {
    RakorbotConfig current = config.get();
    Instant now = clock.instant();
    LocalDate today = now.atZone(current.bot().zone()).toLocalDate();
    Optional<Map<String, Integer>> swept = jdbi.inTransaction(handle -> {
      RetentionDao dao = handle.attach(RetentionDao.class);
      if (!dao.claim(today, now)) {
        return Optional.empty();
      }
      Map<String, Integer> removed = sweep(handle, current.dataProtection().retention(), now);
      dao.summarise(today, removed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
      return Optional.of(removed);
    });
    swept.filter(removed -> removed.values().stream().anyMatch(n -> n > 0))
        .ifPresent(removed -> log.info("Retention applied for {}: {}", today, removed));
    return swept;
  }

  private static Map<String, Integer> sweep(Handle handle, DataProtection.Retention retention, Instant now) {
    RetentionDao dao = handle.attach(RetentionDao.class);
    Map<String, Integer> removed = new LinkedHashMap<>();
    Instant messages = now.minus(retention.messages().length());
    removed.put("pesan", dao.pruneMessages(messages));
    dao.pruneAlertBookkeeping();
    removed.put("pembaruan_disisihkan", dao.pruneSetAside(messages));
    List<String> anonymised = ReportPrivacy.anonymiseBefore(handle, now.minus(retention.reports().length()), now);
    AlertPrivacy.forgetReports(handle, anonymised);
    removed.put("laporan_dianonimkan", anonymised.size());
    Instant photos = now.minus(retention.photos().length());
    removed.put("foto", ReportPrivacy.dropPhotosBefore(handle, photos) + dao.dropEvidencePhotos(photos) + dao.dropFormEvidencePhotos(photos));
    Instant sessions = now.minus(retention.sessions().length());
    removed.put("sesi", dao.pruneSessions(sessions) + dao.pruneLinks(sessions) + dao.pruneInvites(sessions));
    dao.pruneErasureRequests(now.minus(ERASURE_REQUESTS));
    ReportPrivacy.pruneFloodWindows(handle, now.minus(ERASURE_REQUESTS));
    dao.allowAuditPurge();
    removed.put("audit", dao.pruneAudit(now.minus(retention.audit().length())));
    dao.endAuditPurge();
    return removed;
  }

  @Override
  public void close() {
    loop.close();
  }
}
