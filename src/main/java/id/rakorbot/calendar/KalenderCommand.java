package id.rakorbot.calendar;

import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.Role;
import id.rakorbot.error.UserMistake;
import id.rakorbot.outbox.OutgoingFile;
import id.rakorbot.outbox.Priority;
import id.rakorbot.schedule.Schedule;
import id.rakorbot.schedule.ScheduleBook;
import id.rakorbot.telegram.Command;
import id.rakorbot.telegram.CommandContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * /kalender in private: the next three months of the person's forums as one .ics; {@code langganan} gives a secret
 * feed address for the phone's calendar ({@code langganan grup ID} a group's, for admins); {@code cabut} revokes them.
 */
final class KalenderCommand implements Command {

  private static final Duration FILE_AHEAD = Duration.ofDays(92);

  private final Clock clock;

  KalenderCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "kalender";
  }

  @Override
  public String description() {
    return "Jadwal forum untuk kalender ponsel (.ics); langganan: alamat kalender; cabut: hentikan";
  }

  @Override
  public void handle(CommandContext context) {
    if (!context.isPrivate()) {
      throw new UserMistake("Ketik /kalender di chat pribadi dengan bot: berkas dan alamat kalender bersifat pribadi.");
    }
    Official official = context.official().orElseThrow(() -> new UserMistake(
        "/kalender untuk anggota roster forum. Hubungi admin Bakesbangpol bila Anda seharusnya terdaftar."));
    String[] words = context.arguments().strip().split("\\s+");
    Instant now = clock.instant();
    switch (words[0].toLowerCase(java.util.Locale.ROOT)) {
      case "" -> file(context, official, now);
      case "langganan" -> subscribe(context, official, words, now);
      case "cabut" -> {
        int revoked = Subscriptions.revokeAll(context.handle(), official.userId(), now);
        Audit.command(context, now, Actions.CALENDAR_REVOKED, "kalender", revoked + " alamat");
        context.reply(revoked == 0 ? "Tidak ada alamat kalender yang aktif." : "✅ " + revoked
            + " alamat kalender dicabut. Kalender ponsel tidak akan diperbarui lagi dari alamat itu.");
      }
      default -> throw new UserMistake("Pilihan /kalender: tanpa kata (berkas .ics), <code>/kalender langganan</code> atau"
          + " <code>/kalender cabut</code>.");
    }
  }

  private void file(CommandContext context, Official official, Instant now) {
    ScheduleBook book = ScheduleBook.of(context.config());
    List<String> schedules = book.forGroups(official.groups()).stream().map(Schedule::id).toList();
    CalendarEvents.reconcile(context.handle(), context.config(), now, Optional.empty());
    List<Ics.Event> events = CalendarEvents.of(context.handle(), schedules, now, now.plus(FILE_AHEAD)).stream()
        .flatMap(row -> CalendarEvents.event(row, book).stream()).toList();
    if (events.isEmpty()) {
      context.reply("Belum ada pertemuan forum Anda dalam tiga bulan ke depan.");
      return;
    }
    byte[] ics = Ics.write("Forum " + official.name(), Ics.Method.PUBLISH, events);
    long chat = context.message().getChatId();
    context.outbox().enqueueFile(context.handle(), chat, Optional.empty(), OutgoingFile.document("jadwal-forum.ics", ics,
        "📅 " + events.size() + " pertemuan forum Anda, tiga bulan ke depan. Buka berkas ini untuk menyimpannya di kalender."
            + " Agar kalender diperbarui sendiri: <code>/kalender langganan</code>."), Priority.REPLY, Optional.empty());
  }

  private void subscribe(CommandContext context, Official official, String[] words, Instant now) {
    RakorbotConfig config = context.config();
    String base = config.dashboard().baseUrl();
    if (base == null) {
      throw new UserMistake("Alamat kalender belum tersedia: admin perlu mengisi <code>dashboard.base_url</code> di konfigurasi.");
    }
    Optional<String> group = Optional.empty();
    if (words.length >= 3 && words[1].equalsIgnoreCase("grup")) {
      if (!official.has(Role.ADMIN)) {
        throw new UserMistake("Alamat kalender grup hanya untuk admin.");
      }
      group = Optional.of(config.groupById(words[2]).orElseThrow(() -> new UserMistake("Grup '" + words[2] + "' tidak dikenal."))
          .id());
    }
    String token = Subscriptions.create(context.handle(), official.userId(), group, now);
    Audit.command(context, now, Actions.CALENDAR_FEED, group.map(g -> "kalender grup " + g).orElse("kalender pribadi"), "");
    String url = base + CalendarFeed.PATH + token + ".ics";
    context.replySecret("📅 Alamat kalender " + group.map(g -> "grup " + g).orElse("Anda") + ":\n<code>" + url + "</code>\n\n"
        + "Tambahkan di kalender ponsel sebagai <b>langganan</b> (Google Calendar: Tambah kalender → Dari URL). Alamat ini"
        + " rahasia: siapa pun yang memegangnya melihat jadwal forum Anda. Hentikan dengan <code>/kalender cabut</code>.");
  }
}
