package id.rakorbot.briefing;

import id.rakorbot.config.Official;
import id.rakorbot.outbox.Priority;
import id.rakorbot.schedule.Occurrence;
import id.rakorbot.schedule.Schedule;
import id.rakorbot.schedule.ScheduleBook;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.error.UserMistake;
import java.util.List;
import java.util.Optional;

/**
 * /bahan [jadwal]: the bahan rapat of the coming meeting on demand. In a group, of the group's next meeting
 * (or of the named schedule); in private, of the named schedule or of the person's next meeting. For the
 * people of that forum: roster members of its groups, and admins.
 */
public final class BahanCommand implements Command {

  private final Sessions sessions;

  public BahanCommand(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public String name() {
    return "bahan";
  }

  @Override
  public boolean answersOnlyTheAsker() {
    return true;
  }

  @Override
  public String description() {
    return "Bahan rapat pertemuan berikutnya: laporan sejak pertemuan lalu [id jadwal]";
  }

  @Override
  public boolean refusesBeforeWriting() {
    return true; // it only reads, then replies
  }

  @Override
  public void handle(CommandContext context) {
    ScheduleBook book = ScheduleBook.of(context.config());
    List<String> groups = context.group().map(g -> List.of(g.id()))
        .orElseGet(() -> context.official().map(Official::groups).orElse(List.of()));
    Occurrence meeting = next(book, context.arguments().strip(), groups);
    Official official = context.official().orElseThrow(() -> new UserMistake(
        "Bahan rapat hanya untuk peserta forum. Sampaikan user id " + context.user().getId() + " kepada admin Bakesbangpol."));
    boolean ofThisForum = official.groups().stream().anyMatch(meeting.schedule().groups()::contains);
    if (!ofThisForum && !official.has(id.rakorbot.config.Role.ADMIN)) {
      throw new UserMistake("Bahan rapat " + meeting.schedule().title() + " hanya untuk peserta forum itu.");
    }
    Briefing briefing = Briefings.build(context.handle(), context.config(), meeting, sessions.now());
    BriefingText.parts(briefing).forEach(context::reply);
    if (context.isPrivate() && official.has(id.rakorbot.config.Role.ADMIN)) { // the files that prepare the meeting
      long chat = context.message().getChatId();
      byte[] chart = BriefingChart.png(briefing);
      var outbox = context.outbox();
      outbox.enqueueFile(context.handle(), chat, Optional.empty(), BriefingFiles.chart(briefing, chart), Priority.REPLY, Optional.empty());
      outbox.enqueueFile(context.handle(), chat, Optional.empty(), BriefingFiles.csv(briefing, BriefingFiles.csvBytes(context.handle(), context.config(), briefing)),
          Priority.BULK, Optional.empty());
      outbox.enqueueFile(context.handle(), chat, Optional.empty(),
          BriefingFiles.pdf(context.config(), briefing, chart, sessions.now().atZone(meeting.start().getZone())), Priority.BULK, Optional.empty());
    }
  }

  private Occurrence next(ScheduleBook book, String scheduleId, List<String> groups) {
    Optional<Occurrence> next;
    if (!scheduleId.isEmpty()) {
      Schedule named = book.byId(scheduleId.toLowerCase(java.util.Locale.ROOT)).orElseThrow(() -> new UserMistake(
          "Jadwal '" + scheduleId + "' tidak ada. Jadwal yang ada: "
              + String.join(", ", book.all().stream().map(Schedule::id).toList()) + ". Contoh: /bahan kopi_senja"));
      next = book.calendar().next(named, sessions.now(), 1).stream().findFirst();
    } else {
      next = book.upcoming(groups, sessions.now(), 1).stream().findFirst();
    }
    return next.orElseThrow(() -> new UserMistake(scheduleId.isEmpty()
        ? "Belum ada pertemuan terjadwal untuk forum Bapak/Ibu. Tulis id jadwalnya, misalnya /bahan kopi_senja."
        : "Jadwal '" + scheduleId + "' tidak punya pertemuan lagi."));
  }
}
