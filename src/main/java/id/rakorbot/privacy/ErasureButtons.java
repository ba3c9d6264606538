package id.rakorbot.privacy;

import id.rakorbot.audit.Audit;
import id.rakorbot.audit.Source;
import id.rakorbot.config.Role;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.telegram.CallbackContext;
import id.rakorbot.telegram.CallbackHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

/** The second step of /hapus_data: "Ya, hapus" erases, "Batal" forgets the request. The admin role is checked again. */
final class ErasureButtons implements CallbackHandler {

  static final String PREFIX = "hd1";
  private static final Duration VALID = Duration.ofDays(1);

  private final Clock clock;

  ErasureButtons(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public void handle(CallbackContext context) {
    if (context.official().filter(o -> o.has(Role.ADMIN)).isEmpty()) {
      context.answer("Hanya admin Bakesbangpol yang dapat menghapus data pribadi.", true);
      return;
    }
    String[] parts = context.data().split(":", 2);
    if (parts.length != 2) {
      context.answer("Tombol ini sudah tidak berlaku.", false);
      return;
    }
    var now = clock.instant();
    Optional<Map<String, Object>> request = context.handle().createQuery("""
            DELETE FROM erasure_request WHERE token = :t AND admin_id = :a AND created_at > :since RETURNING target_id""")
        .bind("t", parts[1]).bind("a", context.userId()).bind("since", now.minus(VALID)).mapToMap().findOne();
    if (request.isEmpty()) {
      context.answer("Permintaan ini sudah diputuskan, sudah lewat 24 jam, atau bukan milik Anda. Kirim /hapus_data lagi.", true);
      return;
    }
    String text;
    if (parts[0].equals("y")) {
      long target = ((Number) request.get().get("target_id")).longValue();
      text = Erasures.erase(context.handle(), context.config(), context.outbox(), target,
          new Erasures.By(Source.CHAT, "chat pribadi", Audit.person(context.query().getFrom(), context.official())), now);
      context.answer("Data dihapus.", false);
    } else {
      text = "Penghapusan dibatalkan; tidak ada data yang diubah.";
      context.answer("Dibatalkan", false);
    }
    Outbox outbox = context.outbox();
    outbox.enqueue(context.handle(), context.chatId(), EditMessageText.builder().chatId(context.chatId()).messageId((int) context.messageId())
        .parseMode(ParseMode.HTML).text(text).build(), Priority.REPLY);
  }
}
