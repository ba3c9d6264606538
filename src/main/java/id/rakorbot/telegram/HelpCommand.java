package id.rakorbot.telegram;

import java.util.List;

/** /bantuan (alias /help): the list of commands. */
final class HelpCommand implements Command {

  @Override
  public String name() {
    return "bantuan";
  }

  @Override
  public boolean answersOnlyTheAsker() {
    return true;
  }

  @Override
  public List<String> aliases() {
    return List.of("help");
  }

  @Override
  public String description() {
    return "Daftar perintah dan cara memakainya";
  }

  @Override
  public void handle(CommandContext context) {
    String base = context.config().dashboard().baseUrl();
    boolean admin = context.official().filter(o -> o.has(id.rakorbot.config.Role.ADMIN)).isPresent();
    context.reply(Texts.help(context.commands().listed()) + "\n\n" + Texts.guides(
        id.rakorbot.guide.Guides.link(base, "pengguna"), admin ? id.rakorbot.guide.Guides.link(base, "admin") : java.util.Optional.empty()));
  }
}
