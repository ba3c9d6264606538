package id.rakorbot.telegram;

/**
 * What a feature does with /start in a private chat before the usual welcome: an invite link's payload, or a
 * person the bot does not know yet. True when it answered.
 */
public interface StartFlow {

  StartFlow NONE = context -> false;

  boolean start(CommandContext context);
}
