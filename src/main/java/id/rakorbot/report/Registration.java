package id.rakorbot.report;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.audit.AuditPerson;
import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.config.Official;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.FormKeyboard;
import id.rakorbot.telegram.CallbackContext;
import id.rakorbot.telegram.CallbackHandler;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import id.rakorbot.error.UserMistake;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** /daftar Nama | Jabatan | Wilayah, and the admins' Setujui / Tolak buttons ({@code d1:a:<user>}, {@code d1:r:<user>}). */
final class Registration implements Command, CallbackHandler {

  private static final String USAGE = "Format: <code>/daftar Nama | Jabatan | Wilayah</code>, misalnya\n"
      + "<code>/daftar Siti Aminah | Lurah Kauman | Kauman</code>";

  private final ReportService service;
  private final Outbox outbox;

  Registration(ReportService service, Outbox outbox) {
    this.service = service;
    this.outbox = outbox;
  }

  @Override
  public String name() {
    return "daftar";
  }

  @Override
  public String description() {
    return "Daftar sebagai pelapor: /daftar Nama | Jabatan | Wilayah";
  }

  @Override
  public String prefix() {
    return "d1";
  }

  @Override
  public void handle(CommandContext context) {
    if (!context.isPrivate()) {
      throw new UserMistake("Pendaftaran dilakukan lewat chat pribadi dengan bot, agar data Bapak/Ibu tidak tampil di grup.");
    }
    long userId = context.user().getId();
    if (Reporters.find(context.handle(), context.config(), userId).isPresent()) {
      throw new UserMistake("Bapak/Ibu sudah terdaftar sebagai pelapor. Ketik /lapor untuk mengirim laporan.");
    }
    String[] parts = context.arguments().split("\\|");
    if (parts.length != 3 || List.of(parts).stream().anyMatch(String::isBlank)) {
      throw new UserMistake(USAGE);
    }
    String name = parts[0].strip();
    String jabatan = parts[1].strip();
    String wilayah = parts[2].strip();
    if (!context.config().reports().areas().isEmpty()) {
      wilayah = ReportRequest.area(wilayah, context.config().reports().areas());
    }
    if (!Reporters.request(context.handle(), userId, name, jabatan, wilayah, service.clock().instant())) {
      throw new UserMistake("Pendaftaran Bapak/Ibu sudah kami terima dan masih menunggu persetujuan admin.");
    }
    String request = "🆕 <b>Pendaftaran pelapor</b>\n" + escape(name) + " — " + escape(jabatan) + ", wilayah " + escape(wilayah)
        + "\nuser id <code>" + userId + "</code>";
    var buttons = InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
        InlineKeyboardButton.builder().text("✅ Setujui").callbackData("d1:a:" + userId).build(),
        InlineKeyboardButton.builder().text("❌ Tolak").callbackData("d1:r:" + userId).build())).build();
    for (Official admin : context.config().admins()) {
      outbox.enqueue(context.handle(), admin.userId(), SendMessage.builder().chatId(admin.userId()).text(request)
          .parseMode(ParseMode.HTML).replyMarkup(buttons).build(), Priority.REPLY);
    }
    context.reply("Terima kasih. Pendaftaran Bapak/Ibu sudah dikirim ke admin Bakesbangpol; kami kabari setelah diputuskan.");
  }

  @Override
  public void handle(CallbackContext context) {
    if (context.official().filter(o -> o.has(id.rakorbot.config.Role.ADMIN)).isEmpty()) {
      context.answer("Hanya admin Bakesbangpol yang dapat memutuskan pendaftaran.", true);
      return;
    }
    String[] parts = context.data().split(":");
    if (parts.length != 2 || !parts[1].matches("\\d{1,18}")) {
      context.answer("Tombol ini sudah tidak berlaku.", false);
      return;
    }
    boolean approve = parts[0].equals("a");
    long applicant = Long.parseLong(parts[1]);
    var decided = Reporters.decide(context.handle(), applicant, approve, context.userId(), service.clock().instant());
    if (decided.isEmpty()) {
      context.answer("Pendaftaran ini sudah diputuskan sebelumnya.", false);
      return;
    }
    context.answer(approve ? "Disetujui" : "Ditolak", false);
    Audit.button(context, service.clock().instant(), approve ? Actions.REGISTRATION_APPROVED : Actions.REGISTRATION_REJECTED,
        "pelapor", Optional.of(AuditPerson.user(applicant, decided.get().name())), decided.get().jabatan());
    if (approve) {
      var approved = SendMessage.builder().chatId(applicant).parseMode(ParseMode.HTML).text(ReportTexts.approved(
          FormKeyboard.formUrl(context.config()).isPresent()));
      FormKeyboard.of(context.config()).ifPresent(approved::replyMarkup);
      outbox.enqueue(context.handle(), applicant, approved.build(), Priority.REPLY);
    } else {
      tell(context.handle(), applicant,
          "Mohon maaf, pendaftaran Bapak/Ibu sebagai pelapor <b>belum disetujui</b>. Hubungi admin Bakesbangpol untuk keterangan.");
    }
    tell(context.handle(), context.chatId(), (approve ? "✅ Disetujui: " : "❌ Ditolak: ") + escape(decided.get().name()));
  }

  private void tell(Handle handle, long chatId, String html) {
    outbox.enqueue(handle, chatId, SendMessage.builder().chatId(chatId).text(html).parseMode(ParseMode.HTML).build(), Priority.REPLY);
  }

}
