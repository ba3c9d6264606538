package id.rakorbot.telegram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/** The commands the bot knows, by name and alias, in the order /bantuan lists them. */
public final class CommandRegistry {

  private final Map<String, Command> byName = new LinkedHashMap<>();
  private final List<Command> commands;

  public CommandRegistry(List<Command> commands) {
    this.commands = List.copyOf(commands);
    for (Command command : commands) {
      register(command.name(), command);
      command.aliases().forEach(alias -> register(alias, command));
    }
  }

  private void register(String name, Command command) {
    if (byName.putIfAbsent(name, command) != null) {
      throw new IllegalArgumentException("Two commands are named /" + name);
    }
  }

  public Optional<Command> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public List<Command> listed() {
    return commands.stream().filter(Command::listed).toList();
  }

  /** The Telegram command menu, with the Indonesian descriptions. */
  public SetMyCommands menu() {
    return SetMyCommands.builder()
        .commands(listed().stream().map(c -> {
          BotCommand command = new BotCommand(c.name(), c.description());
          if (c.answersOnlyTheAsker()) {
            command.setIsEphemeral(true);
          }
          return command;
        }).toList())
        .languageCode(null)
        .build();
  }
}
