package id.rakorbot.reload;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.audit.AuditEvent;
import id.rakorbot.audit.Source;
import id.rakorbot.telegram.CommandContext;
import java.time.Clock;
import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.config.ConfigException;
import id.rakorbot.config.ConfigLoader;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.ScheduleConfig;
import id.rakorbot.feature.Feature;
import id.rakorbot.telegram.Command;
import java.util.function.BooleanSupplier;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Applies edits of the config file while the bot runs: a valid file replaces the config in force and
 * re-plans the reminders; an invalid one is rejected, the old config keeps running, and the admins are
 * told what is wrong and where. Watches the file, and {@code /muat_ulang} asks for the same on demand.
 */
public final class ConfigReloader implements Feature {

  private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

  /** What a reload did, in words for the admins (HTML). */
  record Outcome(boolean applied, String message) {}

  private final ConfigLoader loader;
  private final CurrentConfig current;
  private final List<Runnable> replan;
  private final Jdbi jdbi;
  private final Outbox outbox;
  private final Clock clock;
  private WatchService watcher;
  private volatile Thread watching;
  private String lastSeen = "";

  /** {@code replan} runs after a valid edit: the features that turn config into Quartz triggers, and others that follow it. */
  public ConfigReloader(ConfigLoader loader, CurrentConfig current, List<Runnable> replan, Jdbi jdbi, Outbox outbox, Clock clock) {
    this.clock = clock;
    this.loader = loader;
    this.current = current;
    this.replan = List.copyOf(replan);
    this.jdbi = jdbi;
    this.outbox = outbox;
  }

  /** Loads the file again; {@code asked} is the admin's /muat_ulang, empty when the file watcher saw an edit. */
  synchronized Outcome reload(Optional<CommandContext> asked) {
    RakorbotConfig old = current.get();
    Path file = old.source();
    lastSeen = read(file);
    RakorbotConfig fresh;
    try {
      fresh = loader.load(file);
    } catch (ConfigException e) {
      log.warn("Config edit rejected, the previous config stays in force:\n{}", e.getMessage());
      audit(asked, file, "ditolak: " + e.problems().size() + " masalah");
      return new Outcome(false, rejected(file, e));
    }
    current.replace(fresh);
    replan.forEach(Runnable::run);
    log.info("Config reloaded from {}", file);
    audit(asked, file, ConfigChanges.between(old, fresh));
    return new Outcome(true, applied(file, old.schedules(), fresh.schedules()));
  }

  /** In the admin's transaction when asked, else in one of its own (a failure there is logged, the reload stands). */
  private void audit(Optional<CommandContext> asked, Path file, String details) {
    if (asked.isPresent()) {
      Audit.command(asked.get(), clock.instant(), Actions.CONFIG_RELOADED, file.getFileName().toString(), details);
      return;
    }
    try {
      jdbi.useTransaction(handle -> Audit.record(handle, new AuditEvent(clock.instant(), Source.SYSTEM, "pemantau berkas",
          Optional.empty(), Actions.CONFIG_RELOADED, file.getFileName().toString(), Optional.empty(), details)));
    } catch (RuntimeException e) {
      log.warn("Could not write the config reload to the audit trail: {}", e.toString());
    }
  }

  @Override
  public List<Command> commands() {
    return List.of(new ReloadCommand(this));
  }

  /** The file watcher; when the file cannot be watched at all (logged at start), /muat_ulang is the way and no loop runs. */
  @Override
  public Map<String, BooleanSupplier> loops() {
    return Map.of("config-watcher", () -> watching == null || watching.isAlive());
  }

  /** Starts watching the config file's folder; edits are applied about a second after they stop. */
  @Override
  public void start() {
    Path file = current.get().source().toAbsolutePath();
    lastSeen = read(file);
    try {
      watcher = file.getFileSystem().newWatchService();
      file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
    } catch (IOException e) {
      log.warn("Cannot watch {}; use /muat_ulang after editing it: {}", file, e.toString());
      return;
    }
    watching = Thread.ofPlatform().daemon().name("config-watcher").start(() -> loop(file));
  }

  private void loop(Path file) {
    try {
      while (true) {
        WatchKey key = watcher.take();
        Path roster = current.get().rosterFile();
        boolean ours = key.pollEvents().stream().anyMatch(event -> file.getFileName().equals(event.context())
            || roster != null && roster.getFileName().equals(event.context()));
        key.reset();
        if (!ours) {
          continue;
        }
        Thread.sleep(1_000); // editors write in several steps; let them finish
        if (!read(file).equals(lastSeen)) {
          tellAdmins(reload(Optional.empty()));
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // stopped
    } catch (RuntimeException e) {
      log.error("Config watcher stopped; use /muat_ulang after editing the config", e);
    }
  }

  private void tellAdmins(Outcome outcome) {
    String key = "config:" + Integer.toHexString(lastSeen.hashCode()) + ":" + outcome.applied();
    try {
      jdbi.useTransaction(handle -> {
        for (Official admin : current.get().admins()) {
          outbox.enqueue(handle, admin.userId(),
              SendMessage.builder().chatId(admin.userId()).text(outcome.message()).parseMode(ParseMode.HTML).build(),
              Priority.SCHEDULED, Optional.of(key + ":" + admin.userId()));
        }
      });
    } catch (RuntimeException e) {
      log.warn("Could not tell the admins about the config edit: {}", e.toString());
    }
  }

  private static String rejected(Path file, ConfigException e) {
    return "⚠️ Perubahan <code>" + escape(file.toString()) + "</code> <b>ditolak</b>; konfigurasi dan jadwal lama tetap berjalan.\n"
        + e.problems().stream()
            .map(p -> "• " + (p.inSpreadsheet() ? escape(p.file().getFileName().toString()) + " " : "") + p.place() + ": " + escape(p.message()))
            .collect(Collectors.joining("\n"))
        + "\nPerbaiki berkasnya; perubahan berikutnya diperiksa otomatis.";
  }

  private static String applied(Path file, List<ScheduleConfig> before, List<ScheduleConfig> after) {
    Map<String, ScheduleConfig> old = byId(before);
    Map<String, ScheduleConfig> fresh = byId(after);
    List<String> added = fresh.keySet().stream().filter(id -> !old.containsKey(id)).sorted().toList();
    List<String> removed = old.keySet().stream().filter(id -> !fresh.containsKey(id)).sorted().toList();
    List<String> changed = fresh.keySet().stream().filter(id -> old.containsKey(id) && !old.get(id).equals(fresh.get(id))).sorted().toList();
    return "✅ Konfigurasi <code>" + escape(file.toString()) + "</code> dimuat ulang.\n"
        + "Jadwal: " + fresh.size() + " (baru: " + list(added) + "; diubah: " + list(changed) + "; dihapus: " + list(removed) + ").";
  }

  private static Map<String, ScheduleConfig> byId(List<ScheduleConfig> schedules) {
    return schedules.stream().collect(Collectors.toMap(ScheduleConfig::id, Function.identity(), (a, b) -> a));
  }

  private static String list(List<String> ids) {
    return ids.isEmpty() ? "-" : escape(String.join(", ", ids));
  }

  /** The config file's text, and a digest of the roster spreadsheet it names (an edit of either is a change). */
  private String read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      text = "";
    }
    Path roster = current.get().rosterFile();
    if (roster == null) {
      return text;
    }
    try {
      return text + "\n#roster " + java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(roster)));
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      return text + "\n#roster -";
    }
  }

  @Override
  public void close() {
    if (watcher != null) {
      try {
        watcher.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
