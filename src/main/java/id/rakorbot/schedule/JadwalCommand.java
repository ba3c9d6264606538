package id.rakorbot.schedule;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/** /jadwal: the next meetings of this group, or in private of the user's groups. */
public final class JadwalCommand implements Command {

  static final int SHOWN = 5;

  private final Clock clock;
  private final java.util.function.Function<id.rakorbot.config.RakorbotConfig, java.util.Optional<String>> notice;

  /** @param notice what to add under the schedule (a running masa siaga) */
  public JadwalCommand(Clock clock, java.util.function.Function<id.rakorbot.config.RakorbotConfig, java.util.Optional<String>> notice) {
    this.clock = clock;
    this.notice = notice;
  }

  @Override
  public String name() {
    return "jadwal";
  }

  @Override
  public boolean answersOnlyTheAsker() {
    return true;
  }

  @Override
  public String description() {
    return "Jadwal rapat berikutnya";
  }

  @Override
  public void handle(CommandContext context) {
    if (context.group().isPresent()) {
      context.reply(ReminderTexts.upcoming("Jadwal " + context.group().get().name(),
          numbered(context, upcoming(context.config(), List.of(context.group().get().id())))) + notice(context));
      return;
    }
    if (context.official().isEmpty()) {
      context.reply(ReminderTexts.notInRoster());
      return;
    }
    context.reply(ReminderTexts.upcoming("Jadwal rapat Bapak/Ibu",
        numbered(context, upcoming(context.config(), context.official().get().groups()))) + notice(context));
  }

  private String notice(CommandContext context) {
    return notice.apply(context.config()).map(n -> "\n\n" + n).orElse("");
  }

  /** Gives each meeting its session number, which /hadir and /kehadiran accept. */
  private static List<Sessions.Session> numbered(CommandContext context, List<Occurrence> occurrences) {
    return occurrences.stream().map(o -> new Sessions.Session(Occurrences.record(context.handle(), o), o)).toList();
  }

  List<Occurrence> upcoming(RakorbotConfig config, Collection<String> groupIds) {
    return ScheduleBook.of(config).upcoming(groupIds, clock.instant(), SHOWN).stream()
        .limit(SHOWN)
        .toList();
  }
}
