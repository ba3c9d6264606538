package id.rakorbot.privacy;

import id.rakorbot.error.UserMistake;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * /hapus_data ID, the first of two steps: an admin sees what would be erased and confirms with a button
 * ({@link ErasureButtons}), in private, within a day.
 */
final class HapusDataCommand implements Command {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;

  HapusDataCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "hapus_data";
  }

  @Override
  public String description() {
    return "Admin: hapus data pribadi seseorang atas permintaannya (UU PDP), dengan konfirmasi";
  }

  @Override
  public boolean refusesBeforeWriting() {
    return true;
  }

  @Override
  public void handle(CommandContext context) {
    context.requireAdmin("Penghapusan data pribadi hanya dilakukan oleh admin Bakesbangpol. Untuk meminta penghapusan data Anda sendiri,"
        + " lihat /privasi.");
    if (!context.isPrivate()) {
      throw new UserMistake(PrivacyTexts.privateOnly(name()));
    }
    String argument = context.arguments().strip();
    if (!argument.matches("\\d{1,18}")) {
      throw new UserMistake(PrivacyTexts.eraseUsage());
    }
    long target = Long.parseLong(argument);
    if (target == context.user().getId()) {
      throw new UserMistake("Admin tidak menghapus datanya sendiri dari bot yang sedang dipakainya. Minta admin lain, atau pakai"
          + " <code>hapus-data --user " + target + "</code> di server.");
    }
    var counts = Erasure.preview(context.handle(), target);
    String who = context.config().official(target).map(o -> o.name()).orElse("orang ini");
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    context.handle().createUpdate("INSERT INTO erasure_request (token, admin_id, target_id, created_at) VALUES (:t, :a, :u, :now)")
        .bind("t", token).bind("a", context.user().getId()).bind("u", target).bind("now", clock.instant()).execute();
    var buttons = InlineKeyboardMarkup.builder().keyboard(List.of(new InlineKeyboardRow(
        InlineKeyboardButton.builder().text("🗑 Ya, hapus").callbackData(ErasureButtons.PREFIX + ":y:" + token).build(),
        InlineKeyboardButton.builder().text("Batal").callbackData(ErasureButtons.PREFIX + ":n:" + token).build()))).build();
    long chat = context.message().getChatId();
    context.outbox().enqueue(context.handle(), chat, SendMessage.builder().chatId(chat).parseMode(ParseMode.HTML)
        .text(PrivacyTexts.erasePreview(target, who, counts)).replyMarkup(buttons).build(), Priority.REPLY);
  }
}
