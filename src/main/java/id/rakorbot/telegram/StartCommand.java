package id.rakorbot.telegram;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Role;
import java.util.List;

/** /start: in private, who the user is in the roster (or how to get registered); in a group, that the bot is on. */
final class StartCommand implements Command {

  private final java.util.function.Function<id.rakorbot.config.RakorbotConfig, java.util.Optional<String>> notice;
  private final StartFlow flow;

  StartCommand(java.util.function.Function<id.rakorbot.config.RakorbotConfig, java.util.Optional<String>> notice, StartFlow flow) {
    this.notice = notice;
    this.flow = flow;
  }

  @Override
  public String name() {
    return "start";
  }

  @Override
  public String description() {
    return "Mulai dan lihat status pendaftaran Anda";
  }

  @Override
  public void handle(CommandContext context) {
    if (context.group().isPresent()) {
      context.reply(Texts.groupActive(context.group().get()));
      return;
    }
    if (flow.start(context)) {
      return;
    }
    context.official().ifPresentOrElse(
        official -> {
          List<GroupConfig> groups = official.groups().stream().flatMap(id -> context.config().groupById(id).stream()).toList();
          String welcome = Texts.welcomeOfficial(official, groups) + notice.apply(context.config()).map(n -> "\n\n" + n).orElse("");
          var keyboard = FormKeyboard.of(context.config()).filter(k -> official.has(Role.PELAPOR));
          keyboard.ifPresentOrElse(k -> context.replyPrivately(welcome + "\n\n" + Texts.formButtonHint(), k), () -> context.reply(welcome));
        },
        () -> context.reply(Texts.welcomeStranger(context.user().getId())));
  }
}
