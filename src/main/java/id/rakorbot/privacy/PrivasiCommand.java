package id.rakorbot.privacy;

import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;

/** /privasi: what the bot stores about the person, why, how long, who the officer is, and how to ask for erasure. */
final class PrivasiCommand implements Command {

  @Override
  public String name() {
    return "privasi";
  }

  @Override
  public String description() {
    return "Data pribadi apa yang disimpan, untuk apa, berapa lama, dan hak Anda";
  }

  @Override
  public boolean refusesBeforeWriting() {
    return true;
  }

  @Override
  public void handle(CommandContext context) {
    context.reply(context.isPrivate() ? PrivacyTexts.privacy(context.config())
        : PrivacyTexts.privateOnly(name()) + " Bot menjelaskan di sana data apa yang disimpan dan hak Bapak/Ibu.");
  }
}
