package id.rakorbot.digest;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.error.UserMistake;
import java.util.Optional;

/**
 * /rekap [2026-W47]: the digest on demand — the current week so far, or a past week. In a group, that
 * group's digest; in private, for admins, the digest of their first group with the CSV export and the PDF.
 */
public final class RekapCommand implements Command {

  private final Digests digests;

  public RekapCommand(Digests digests) {
    this.digests = digests;
  }

  @Override
  public String name() {
    return "rekap";
  }

  @Override
  public boolean answersOnlyTheAsker() {
    return true;
  }

  @Override
  public String description() {
    return "Rekap mingguan laporan dan forum [pekan, mis. 2026-W47]";
  }

  @Override
  public void handle(CommandContext context) {
    GroupConfig group;
    if (context.group().isPresent()) {
      group = context.group().get();
    } else {
      context.requireAdmin("Di chat pribadi, /rekap khusus untuk admin. Ketik /rekap di grup untuk rekap grup itu.");
      group = context.official().get().groups().stream().flatMap(id -> context.config().groupById(id).stream()).findFirst()
          .or(() -> context.config().groups().stream().findFirst())
          .orElseThrow(() -> new UserMistake("Belum ada grup di konfigurasi."));
    }
    Week week = context.arguments().isBlank() ? digests.thisWeek(group) : Week.parse(context.arguments(), digests.zone(group));
    Digests.Digest digest = digests.buildCached(context.handle(), context.config(), group, week);
    if (context.group().isPresent()) {
      // Asked in a group: the digest's words for the asker alone; the group has its own every Monday, chart and all.
      digest.parts().forEach(context::reply);
      return;
    }
    long chat = context.message().getChatId();
    digests.post(context.handle(), chat, Optional.empty(), digest, Priority.REPLY, Optional.empty());
    context.outbox().enqueueFile(context.handle(), chat, Optional.empty(),
        Digests.csvFile(digest, group, Digests.csv(context.handle(), context.config(), digest)), Priority.BULK, Optional.empty());
    context.outbox().enqueueFile(context.handle(), chat, Optional.empty(), digests.pdfFile(context.config(), digest, group),
        Priority.BULK, Optional.empty());
  }
}
