package id.rakorbot.followup;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.Role;
import id.rakorbot.schedule.IndonesianTime;
import id.rakorbot.schedule.Sessions;
import id.rakorbot.schedule.Sessions.Session;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.telegram.Html;
import id.rakorbot.error.UserMistake;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * /arahan @pemilik tenggat uraian: a notulis or an admin records an arahan of the latest meeting of the
 * group (in a private chat: of the notulis's groups). The owner is told; reminders follow.
 */
final class ArahanCommand implements Command {

  /** How long after a meeting its arahan may still be recorded against it: a quarter, for a quarterly forum. */
  static final java.time.Duration MEETING_LOOK_BACK = java.time.Duration.ofDays(100);

  private final FollowUpService service;
  private final Sessions sessions;

  ArahanCommand(FollowUpService service, Sessions sessions) {
    this.service = service;
    this.sessions = sessions;
  }

  @Override
  public String name() {
    return "arahan";
  }

  @Override
  public String description() {
    return "Notulis/admin: catat arahan rapat sebagai tindak lanjut";
  }

  @Override
  public void handle(CommandContext context) {
    RakorbotConfig config = context.config();
    Official recorder = context.official().filter(o -> o.has(Role.NOTULIS) || o.has(Role.ADMIN))
        .orElseThrow(() -> new UserMistake(FollowUpTexts.notAllowed()));
    String arguments = context.arguments().strip();
    if (arguments.isEmpty()) {
      throw new UserMistake(FollowUpTexts.usage(config.followUps().units()));
    }
    Named named = owner(context.message(), arguments, config);
    LocalDate today = service.today(config);
    List<String> words = Arrays.asList(named.rest().split("\\s+", 4));
    Deadline deadline = Deadline.parse(words, today)
        .orElseThrow(() -> new UserMistake(FollowUpTexts.badDeadline(Deadline.attempted(words))));
    if (deadline.date().isBefore(today)) {
      throw new UserMistake(FollowUpTexts.pastDeadline(deadline.date()));
    }
    String description = dropWords(named.rest(), deadline.words());
    if (description.isBlank()) {
      throw new UserMistake(FollowUpTexts.noDescription());
    }
    List<String> groupIds = context.group().map(g -> List.of(g.id())).orElse(recorder.groups());
    Optional<Session> meeting = sessions.latestHeld(context.handle(), groupIds, MEETING_LOOK_BACK);
    var item = FollowUps.insert(context.handle(), new FollowUps.NewFollowUp(meeting.map(Session::id), meeting.map(s -> s.schedule().id()),
        context.message().getChatId(), named.owner(), description, deadline.date(), recorder.userId(), recorder.name(), context.updateId()),
        service.clock().instant(), today.getYear());
    if (item.isEmpty()) {
      return; // this update was recorded before
    }
    String meetingText = meeting.map(s -> " (" + Html.escape(s.schedule().title()) + ", "
        + IndonesianTime.dayAndDate(s.occurrence().start().toLocalDate()) + ")").orElse("");
    FollowUp stored = item.get();
    Audit.command(context, service.clock().instant(), Actions.ARAHAN_CREATED, stored.number(), "tenggat " + stored.dueOn());
    String link = context.startLink("tl");
    boolean told = service.tellOwner(context.handle(), config, stored, FollowUpTexts.assigned(stored, meetingText, recorder.name()),
        FollowUpTexts.mentionInGroup(stored, FollowUpService.mention(config, stored.owner()), link), "tl:" + stored.number() + ":assigned");
    context.reply(FollowUpTexts.recorded(stored, meetingText, told) + (told ? "" : "\n" + Html.escape(link)));
  }

  /** The owner named at the start of the arguments, and what follows. */
  private record Named(Owner owner, String rest) {}

  private static Named owner(Message message, String arguments, RakorbotConfig config) {
    // Mentioning someone without a username gives a text_mention entity carrying the user: use it when it comes first.
    String text = message.getText() != null ? message.getText() : message.getCaption();
    List<MessageEntity> entities = message.getText() != null ? message.getEntities() : message.getCaptionEntities();
    if (entities != null && text != null) {
      for (MessageEntity entity : entities) {
        if ("text_mention".equals(entity.getType()) && entity.getUser() != null) {
          String mentioned = text.substring(entity.getOffset(), entity.getOffset() + entity.getLength());
          if (arguments.startsWith(mentioned)) {
            Official official = config.official(entity.getUser().getId())
                .orElseThrow(() -> new UserMistake(FollowUpTexts.unknownOwner(mentioned, config.followUps().units())));
            return new Named(Owners.of(official), arguments.substring(mentioned.length()).strip());
          }
        }
      }
    }
    String[] split = arguments.split("\\s+", 2);
    Owner owner = Owners.named(config, split[0])
        .orElseThrow(() -> new UserMistake(split[0].startsWith("@") ? FollowUpTexts.unknownOwner(split[0], config.followUps().units())
            : FollowUpTexts.usage(config.followUps().units())));
    return new Named(owner, split.length > 1 ? split[1].strip() : "");
  }

  private static String dropWords(String text, int count) {
    String[] split = text.strip().split("\\s+", count + 1);
    return split.length > count ? split[count].strip() : "";
  }
}
