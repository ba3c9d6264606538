package id.rakorbot.followup;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.config.FollowUpsConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.Role;
import id.rakorbot.schedule.Schedule;
import id.rakorbot.schedule.ScheduleBook;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.error.UserMistake;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /tl: the open items, mine in a private chat, the group's in a group; {@code /tl semua} for staff. Admins
 * reopen ({@code /tl buka TL-… [tenggat] alasan}) and reassign ({@code /tl alihkan TL-… @pemilik}).
 */
final class TlCommand implements Command {

  private final FollowUpService service;

  TlCommand(FollowUpService service) {
    this.service = service;
  }

  @Override
  public String name() {
    return "tl";
  }

  @Override
  public boolean answersOnlyTheAsker() {
    return true;
  }

  @Override
  public String description() {
    return "Daftar tindak lanjut yang terbuka";
  }

  @Override
  public void handle(CommandContext context) {
    RakorbotConfig config = context.config();
    LocalDate today = service.today(config);
    String[] words = context.arguments().strip().split("\\s+", 3);
    switch (words[0].toLowerCase(Locale.ROOT)) {
      case "" -> context.reply(context.isPrivate() ? mine(context, today) : ofGroup(context, today));
      case "semua" -> {
        if (context.official().filter(o -> o.has(Role.ADMIN) || o.has(Role.NOTULIS)).isEmpty()) {
          throw new UserMistake(FollowUpTexts.staffOnly());
        }
        context.reply(FollowUpTexts.list("Semua tindak lanjut", FollowUps.open(context.handle()), today));
      }
      case "buka" -> reopen(context, words, today);
      case "alihkan" -> reassign(context, words);
      default -> throw new UserMistake(FollowUpTexts.tlUsage());
    }
  }

  private String mine(CommandContext context, LocalDate today) {
    long user = context.user().getId();
    List<String> units = context.config().followUps().units().stream().filter(u -> u.contacts().contains(user))
        .map(FollowUpsConfig.Unit::key).toList();
    return FollowUpTexts.list("Tindak lanjut Anda", FollowUps.openFor(context.handle(), user, units), today);
  }

  private String ofGroup(CommandContext context, LocalDate today) {
    List<String> schedules = context.group().map(g -> ScheduleBook.of(context.config()).forGroups(List.of(g.id())).stream()
        .map(Schedule::id).toList()).orElse(List.of());
    return FollowUpTexts.list("Tindak lanjut grup ini", FollowUps.openOf(context.handle(), schedules, context.message().getChatId()), today);
  }

  private void reopen(CommandContext context, String[] words, LocalDate today) {
    context.requireAdmin(FollowUpTexts.adminsOnly());
    FollowUp item = item(context, words);
    String rest = words.length > 2 ? words[2] : "";
    Optional<Deadline> deadline = Deadline.parse(Arrays.asList(rest.split("\\s+", 4)), today);
    if (!FollowUps.reopen(context.handle(), item.id(), deadline.map(Deadline::date))) {
      throw new UserMistake(FollowUpTexts.notDone(item));
    }
    String reason = rest.isBlank() ? "dibuka kembali" : rest;
    Audit.command(context, service.clock().instant(), Actions.ARAHAN_REOPENED, item.number(), deadline.map(d -> "tenggat " + d.date()).orElse(""));
    FollowUps.note(context.handle(), item.id(), "dibuka", reason, Optional.empty(), context.user().getId(),
        context.official().map(o -> o.name()).orElse("admin"), service.clock().instant(), context.updateId());
    FollowUp reopened = FollowUps.byId(context.handle(), item.id()).orElseThrow();
    service.tellOwner(context.handle(), context.config(), reopened, FollowUpTexts.reminder(reopened, today),
        FollowUpTexts.mentionInGroup(reopened, FollowUpService.mention(context.config(), reopened.owner()), context.startLink("tl")),
        "tl:" + item.number() + ":reopened:" + context.updateId());
    context.reply(FollowUpTexts.reopened(reopened));
  }

  private void reassign(CommandContext context, String[] words) {
    context.requireAdmin(FollowUpTexts.adminsOnly());
    FollowUp item = item(context, words);
    String ownerWord = words.length > 2 ? words[2].split("\\s+")[0] : "";
    Owner owner = Owners.named(context.config(), ownerWord)
        .orElseThrow(() -> new UserMistake(FollowUpTexts.unknownOwner(ownerWord.isEmpty() ? "(kosong)" : ownerWord, context.config().followUps().units())));
    FollowUps.reassign(context.handle(), item.id(), owner);
    Audit.command(context, service.clock().instant(), Actions.ARAHAN_REASSIGNED, item.number(), "");
    FollowUps.note(context.handle(), item.id(), "dialihkan", "dari " + item.owner().name() + " kepada " + owner.name(), Optional.empty(),
        context.user().getId(), context.official().map(o -> o.name()).orElse("admin"), service.clock().instant(), context.updateId());
    FollowUp moved = FollowUps.byId(context.handle(), item.id()).orElseThrow();
    service.tellOwner(context.handle(), context.config(), moved, FollowUpTexts.assigned(moved, "", context.official().map(o -> o.name()).orElse("admin")),
        FollowUpTexts.mentionInGroup(moved, FollowUpService.mention(context.config(), owner), context.startLink("tl")),
        "tl:" + item.number() + ":reassigned:" + context.updateId());
    context.reply(FollowUpTexts.reassigned(moved, owner));
  }

  private static FollowUp item(CommandContext context, String[] words) {
    if (words.length < 2) {
      throw new UserMistake(FollowUpTexts.tlUsage());
    }
    return FollowUps.byNumber(context.handle(), words[1]).orElseThrow(() -> new UserMistake(FollowUpTexts.unknownItem(words[1])));
  }
}
