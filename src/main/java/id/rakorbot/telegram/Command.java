package id.rakorbot.telegram;

import java.util.List;

/** A slash command: its name, its line in /bantuan and the Telegram menu, and what it does. */
public interface Command {

  /** The name without the slash, lower case: {@code bantuan}. */
  String name();

  /** Other names that lead here, such as {@code help}. */
  default List<String> aliases() {
    return List.of();
  }

  /** One short Indonesian line for /bantuan and the command menu (at most 256 characters). */
  String description();

  /** Whether the command shows in /bantuan and the menu for everybody. */
  default boolean listed() {
    return true;
  }

  /**
   * True when every {@link id.rakorbot.error.UserMistake} the command throws comes before its first write, so that a refusal
   * leaves nothing to undo: the router then runs it without a savepoint. The savepoint pair was about 12 % of
   * the database's work per {@code /lapor} in the intake benchmark; commands that may write and then refuse
   * keep the default.
   */
  default boolean refusesBeforeWriting() {
    return false;
  }

  /**
   * True for what one person asks to know (/jadwal, /kehadiran…): declared ephemeral in the command menu, and in a
   * group answered to the asker alone, so that the group does not read every question and its answer.
   */
  default boolean answersOnlyTheAsker() {
    return false;
  }

  void handle(CommandContext context);
}
