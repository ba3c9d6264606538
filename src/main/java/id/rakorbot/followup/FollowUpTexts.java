package id.rakorbot.followup;

import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.telegram.Html;

import id.rakorbot.config.FollowUpsConfig;
import id.rakorbot.schedule.IndonesianTime;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the follow-up feature says, in Bahasa Indonesia. */
public final class FollowUpTexts {

  private FollowUpTexts() {}

  static String usage(List<FollowUpsConfig.Unit> units) {
    String unitList = units.isEmpty() ? "" : "\nUnit yang dapat ditunjuk: "
        + String.join(", ", units.stream().map(u -> "@" + escape(u.key()) + " (" + escape(u.name()) + ")").toList()) + ".";
    return "Cara mencatat arahan: <code>/arahan @pemilik tenggat uraian</code>\n"
        + "Contoh: <code>/arahan @dpupr 7 hari Normalisasi selokan Jl. Ijen sebelum musim hujan</code>\n"
        + "Pemilik: @username anggota daftar, atau kode unit. Tenggat: \"7 hari\", \"2 minggu\", \"30/11\" atau \"2026-11-30\"." + unitList;
  }

  static String notAllowed() {
    return "Maaf, arahan hanya dapat dicatat oleh notulis atau admin yang terdaftar.";
  }

  static String unknownOwner(String word, List<FollowUpsConfig.Unit> units) {
    return "Pemilik <b>" + escape(word) + "</b> tidak dikenal. Tulis @username anggota daftar (atau sebut namanya dari daftar"
        + " anggota grup) atau kode unit." + (units.isEmpty() ? "" : " Unit: "
        + String.join(", ", units.stream().map(u -> "@" + escape(u.key())).toList()) + ".");
  }

  /** @param attempt the word that looked like a date but is none ("31/02"), if there was one */
  static String badDeadline(Optional<String> attempt) {
    return attempt.map(word -> "Tenggat <b>" + escape(word) + "</b> tidak dapat dibaca.").orElse("Tenggat belum ditulis.")
        + " Tulis sesudah pemilik, sebelum uraian, misalnya \"besok\", \"lusa\", \"Jumat\", \"7 hari\", \"minggu depan\","
        + " \"akhir bulan\", \"30/11\", \"30 November\" atau \"2026-11-30\".";
  }

  static String pastDeadline(LocalDate date) {
    return "Tenggat " + IndonesianTime.dayAndDate(date) + " sudah lewat. Tulis tanggal hari ini atau sesudahnya.";
  }

  static String noDescription() {
    return "Uraian arahannya belum ada. Contoh: <code>/arahan @dpupr 7 hari Normalisasi selokan Jl. Ijen</code>";
  }

  static String recorded(FollowUp item, String meeting, boolean ownerTold) {
    return "📝 Arahan dicatat sebagai <b>" + item.number() + "</b>" + meeting + ".\n"
        + line(item, LocalDate.MIN) + "\n"
        + "Tenggat dibaca sebagai <b>" + IndonesianTime.dayAndDate(item.dueOn()) + "</b>.\n"
        + (ownerTold ? "Pemilik sudah diberi tahu secara pribadi."
            : "Pemilik belum pernah memulai obrolan dengan bot; mohon sampaikan tautan ini kepadanya agar pengingat sampai:");
  }

  /** The private notice to an owner. */
  static String assigned(FollowUp item, String meeting, String recordedBy) {
    return "📌 <b>Tindak lanjut untuk Anda</b>: " + item.number() + meeting + "\n"
        + "Arahan: " + escape(item.description()) + "\n"
        + "Pemilik: " + escape(item.owner().name()) + "\n"
        + "Tenggat: " + IndonesianTime.dayAndDate(item.dueOn()) + "\n"
        + "Dicatat oleh " + Html.sentence(escape(recordedBy)) + "\n\n"
        + "Kabarkan kemajuan dengan <code>/progres " + item.number() + " keterangan</code> dan tutup dengan"
        + " <code>/selesai " + item.number() + " keterangan</code> (boleh dengan foto sebagai bukti).";
  }

  /** In the group, when the owner cannot be written to privately. */
  static String mentionInGroup(FollowUp item, String mention, String startLink) {
    return "📌 " + mention + ", ada tindak lanjut untuk Anda: <b>" + item.number() + "</b>, tenggat "
        + IndonesianTime.dayAndDate(item.dueOn()) + ".\n" + escape(item.description()) + "\n"
        + openPrivateChat(startLink);
  }

  static String openPrivateChat(String startLink) {
    return "Agar pengingat sampai secara pribadi, mohon buka <a href=\"" + escape(startLink) + "\">obrolan dengan bot</a> dan tekan Mulai.";
  }

  static String reminder(FollowUp item, LocalDate today) {
    long days = ChronoUnit.DAYS.between(today, item.dueOn());
    String when = days > 1 ? "tenggatnya " + days + " hari lagi (H-" + days + ")"
        : days == 1 ? "tenggatnya besok (H-1)" : days == 0 ? "tenggatnya hari ini" : "sudah lewat tenggat " + (-days) + " hari";
    return (days < 0 ? "⚠️ " : "⏰ ") + "<b>" + item.number() + "</b> " + when + ", "
        + IndonesianTime.dayAndDate(item.dueOn()) + ".\n" + escape(item.description()) + "\n"
        + "Kabarkan: <code>/progres " + item.number() + " keterangan</code> atau <code>/selesai " + item.number() + " keterangan</code>.";
  }

  /** To the owner's atasan, or to a pimpinan: an arahan overdue by {@code follow_ups.escalate_after}. */
  static String escalated(FollowUp item, LocalDate today, String owner, boolean toLeadership) {
    long late = ChronoUnit.DAYS.between(item.dueOn(), today);
    return "⏫ <b>" + item.number() + "</b> lewat tenggat " + late + " hari (" + IndonesianTime.dayAndDate(item.dueOn()) + ") dan belum"
        + " selesai.\nPenanggung jawab: " + escape(owner) + "\n" + escape(item.description()) + "\n"
        + (toLeadership ? "Disampaikan kepada pimpinan karena juga belum ditindaklanjuti setelah diteruskan ke atasan."
            : "Disampaikan kepada Bapak/Ibu sebagai atasan. Mohon bantu mendorong penyelesaiannya.");
  }

  static String weeklyOverdue(List<FollowUp> overdue, LocalDate today) {
    List<String> lines = new ArrayList<>();
    lines.add("⚠️ <b>Tindak lanjut lewat tenggat</b> (" + overdue.size() + "), per " + IndonesianTime.dayAndDate(today));
    overdue.forEach(item -> lines.add(line(item, today)));
    lines.add("Pemilik dapat melapor dengan /progres atau /selesai.");
    return String.join("\n", lines);
  }

  static String progressNoted(FollowUp item) {
    return "Kemajuan <b>" + item.number() + "</b> dicatat. Terima kasih.";
  }

  static String closed(FollowUp item, boolean withPhoto) {
    return "✅ <b>" + item.number() + "</b> ditandai selesai" + (withPhoto ? " (dengan foto bukti)" : "") + ". Terima kasih.\n"
        + escape(item.description());
  }

  /** To whoever recorded it and the admins' view: an item was closed. */
  static String closedNotice(FollowUp item, String by, String note) {
    return "✅ <b>" + item.number() + "</b> selesai menurut " + escape(by) + ": " + escape(note) + "\nArahan: " + escape(item.description());
  }

  static String alreadyDone(FollowUp item) {
    return "<b>" + item.number() + "</b> sudah selesai. Admin dapat membukanya kembali: <code>/tl buka " + item.number() + " alasan</code>.";
  }

  static String notOwner(FollowUp item) {
    return "Maaf, " + item.number() + " milik " + Html.sentence(escape(item.owner().name()))
        + " Yang dapat melapor adalah pemiliknya, notulis atau admin.";
  }

  static String unknownItem(String number) {
    return "Tindak lanjut <b>" + escape(number) + "</b> tidak ditemukan. Lihat daftar dengan /tl.";
  }

  static String needsNote(String command) {
    return "Tulis nomor dan keterangannya: <code>/" + command + " TL-2026-0001 keterangan</code>. Lihat nomornya dengan /tl.";
  }

  static String list(String heading, List<FollowUp> items, LocalDate today) {
    if (items.isEmpty()) {
      return heading + ": tidak ada tindak lanjut yang terbuka. 👍";
    }
    List<String> lines = new ArrayList<>();
    long overdue = items.stream().filter(i -> i.overdue(today)).count();
    lines.add("<b>" + heading + "</b>: " + items.size() + " terbuka" + (overdue > 0 ? ", " + overdue + " lewat tenggat" : "") + ".");
    int room = LIST_ROOM;
    for (int i = 0; i < items.size(); i++) {
      String line = line(items.get(i), today);
      room -= line.replaceAll("<[^>]+>", "").length() + 1; // tags do not count; an entity counts more than its one character
      if (room < 0) {
        lines.add("… dan " + (items.size() - i) + " lainnya, yang tidak muat dalam satu pesan.");
        break;
      }
      lines.add(line);
    }
    return String.join("\n", lines);
  }

  /** Telegram's 4,096 characters, less the heading and the closing line. */
  private static final int LIST_ROOM = 3_900;

  static String tlUsage() {
    return "/tl: tindak lanjut yang terbuka (milik Anda di obrolan pribadi, milik grup di grup).\n"
        + "Admin: <code>/tl semua</code>, <code>/tl buka TL-2026-0001 alasan</code>, <code>/tl alihkan TL-2026-0001 @pemilik</code>.";
  }

  static String reopened(FollowUp item) {
    return "<b>" + item.number() + "</b> dibuka kembali; pengingat untuk pemiliknya berjalan lagi.";
  }

  static String notDone(FollowUp item) {
    return "<b>" + item.number() + "</b> masih terbuka, tidak perlu dibuka kembali.";
  }

  static String reassigned(FollowUp item, Owner to) {
    return "<b>" + item.number() + "</b> dialihkan kepada " + Html.sentence(escape(to.name()));
  }

  static String adminsOnly() {
    return "Maaf, membuka kembali dan mengalihkan tindak lanjut hanya untuk admin.";
  }

  static String staffOnly() {
    return "Maaf, daftar semua tindak lanjut hanya untuk notulis dan admin. Ketik /tl untuk tindak lanjut grup ini,"
        + " atau /tl di chat pribadi untuk tindak lanjut Anda.";
  }

  /** Added under the next meeting's reminder: what is still open from before. */
  public static String reminderAddendum(List<FollowUp> open, LocalDate today) {
    long overdue = open.stream().filter(i -> i.overdue(today)).count();
    List<String> lines = new ArrayList<>();
    lines.add("📝 Tindak lanjut terbuka: " + open.size() + (overdue > 0 ? ", " + overdue + " lewat tenggat:" : "."));
    open.stream().filter(i -> i.overdue(today)).limit(5).forEach(item -> lines.add(line(item, today)));
    if (overdue > 5) {
      lines.add("… dan " + (overdue - 5) + " lainnya (lihat /tl).");
    }
    return String.join("\n", lines);
  }

  /** "selesai", "lewat 3 hari", "dalam proses" or "terbuka", as of {@code today}: for tables. */
  public static String status(FollowUp item, LocalDate today) {
    return item.done() ? "selesai" : item.overdue(today) ? "lewat " + ChronoUnit.DAYS.between(item.dueOn(), today) + " hari"
        : item.inProgress() ? "dalam proses" : "terbuka";
  }

  /** One item: number, what, who, deadline and how late. */
  public static String line(FollowUp item, LocalDate today) {
    String state = item.done() ? " ✅ selesai" : item.overdue(today)
        ? " — <b>" + status(item, today) + "</b>" : item.inProgress() ? " — dalam proses" : "";
    return "• <b>" + item.number() + "</b> " + escape(excerpt(item.description())) + " — " + escape(item.owner().name())
        + ", tenggat " + IndonesianTime.date(item.dueOn()) + state;
  }

  private static String excerpt(String text) {
    return text.length() <= 80 ? text : text.substring(0, 79) + "…";
  }
}
