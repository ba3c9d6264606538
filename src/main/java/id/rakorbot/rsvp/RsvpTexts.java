package id.rakorbot.rsvp;

import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.config.Official;
import id.rakorbot.schedule.IndonesianTime;
import id.rakorbot.schedule.Sessions.Session;
import java.util.List;
import java.util.stream.Collectors;

/** What the RSVP feature says (Bahasa Indonesia, HTML). */
final class RsvpTexts {

  /** Telegram's limit for a message is 4,096 characters; names are left out before that. */
  private static final int MAX_MESSAGE = 4_000;

  private RsvpTexts() {}

  static String recorded(Answer answer) {
    return "Tercatat: " + answer.label();
  }

  static String notAMember(long userId) {
    return "Bapak/Ibu belum terdaftar sebagai peserta forum ini. Sampaikan user id " + userId
        + " kepada admin Bakesbangpol agar didaftarkan.";
  }

  static String memberElsewhere(List<String> forums) {
    return "Mohon maaf, Bapak/Ibu terdaftar sebagai peserta " + String.join(", ", forums)
        + ", bukan forum ini. Jawaban kehadiran hanya untuk rapat forum Bapak/Ibu sendiri.";
  }

  static String alreadyStarted() {
    return "Mohon maaf, rapat sudah dimulai; jawaban kehadiran tidak dapat diubah lagi.";
  }

  static String noSession() {
    return "Belum ada rapat terjadwal untuk Bapak/Ibu. Ketik /jadwal untuk melihat jadwal.";
  }

  static String unknownSession(String id) {
    return "Sesi " + escape(id) + " tidak ditemukan. Nomor sesi tertera pada /jadwal dan /kehadiran; tanpa nomor, jawaban berlaku untuk rapat berikutnya.";
  }

  static String deputyPrompt(Official official, Session session) {
    return mention(official) + ", mohon <b>balas pesan ini</b> dengan nama dan jabatan wakil Bapak/Ibu untuk "
        + escape(session.schedule().title()) + " (" + IndonesianTime.dayAndDate(session.occurrence().start().toLocalDate()) + ").";
  }

  static String deputyNeeded() {
    return "Mohon tuliskan nama dan jabatan wakil, misalnya: /wakil Budi Santoso, Sekcam Klojen";
  }

  static String answered(Answer answer, Session session, String detail) {
    return "Tercatat: <b>" + answer.label() + "</b>" + detail + " untuk " + escape(session.schedule().title())
        + " (" + IndonesianTime.dateTime(session.occurrence().start()) + ", sesi " + session.id() + ").";
  }

  static String tally(String base, Attendance.Roll roll) {
    String full = base + "\n\n" + tallyBlock(roll, true);
    return full.length() <= MAX_MESSAGE ? full : base + "\n\n" + tallyBlock(roll, false);
  }

  private static String tallyBlock(Attendance.Roll roll, boolean names) {
    StringBuilder out = new StringBuilder("<b>Kehadiran</b> (" + roll.answered() + " dari " + roll.expected().size() + " menjawab)");
    for (Answer answer : Answer.values()) {
      List<Official> people = roll.with(answer);
      out.append('\n').append(answer.icon()).append(' ').append(answer.label()).append(" (").append(people.size()).append(")");
      if (names && !people.isEmpty()) {
        out.append(": ").append(people.stream().map(o -> nameWithDetail(o, roll)).collect(Collectors.joining(", ")));
      }
    }
    return out.toString();
  }

  static String attendance(Session session, Attendance.Roll roll, boolean ended) {
    StringBuilder out = new StringBuilder("<b>Kehadiran: " + escape(session.schedule().title()) + "</b>\n"
        + IndonesianTime.dateTime(session.occurrence().start()) + " (sesi " + session.id() + ")\n");
    for (Answer answer : Answer.values()) {
      List<Official> people = roll.with(answer);
      out.append('\n').append(answer.icon()).append(" <b>").append(answer.label()).append("</b> (").append(people.size()).append(")");
      people.forEach(o -> out.append("\n  • ").append(nameWithDetail(o, roll)));
    }
    List<Official> silent = roll.silent();
    out.append("\n❔ <b>Tanpa kabar</b> (").append(silent.size()).append(")");
    silent.forEach(o -> out.append("\n  • ").append(escape(o.name())));
    if (ended) {
      out.append("\n\n<b>Ringkasan</b>: ").append(roll.answered()).append(" dari ").append(roll.expected().size())
          .append(" menjawab; hadir langsung ").append(roll.with(Answer.HADIR).size() + roll.with(Answer.DIWAKILKAN).size())
          .append(" (").append(roll.with(Answer.DIWAKILKAN).size()).append(" diwakilkan), daring ").append(roll.with(Answer.DARING).size())
          .append(", berhalangan ").append(roll.with(Answer.BERHALANGAN).size())
          .append(", tanpa kabar ").append(silent.size()).append('.');
    }
    return out.toString();
  }

  static String nudge(Session session, List<Official> silent) {
    return "🔔 Mohon konfirmasi kehadiran untuk <b>" + escape(session.schedule().title()) + "</b> ("
        + IndonesianTime.dateTime(session.occurrence().start()) + "):\n"
        + silent.stream().map(RsvpTexts::mention).collect(Collectors.joining(", "))
        + "\nTekan tombol pada pengingat di atas, atau ketik /hadir, /daring, /wakil nama, /berhalangan alasan.";
  }

  static String adminsOnly() {
    return "Ekspor kehadiran khusus untuk admin Bakesbangpol.";
  }

  static String exportCaption(Session session) {
    return "Daftar kehadiran " + escape(session.schedule().title()) + ", " + IndonesianTime.dayAndDate(session.occurrence().start().toLocalDate());
  }

  private static String nameWithDetail(Official official, Attendance.Roll roll) {
    var reply = roll.replies().get(official.userId());
    String detail = reply.deputy().map(d -> " (wakil: " + escape(d) + ")").orElse("")
        + reply.reason().map(r -> " (" + escape(r) + ")").orElse("");
    return escape(official.name()) + detail;
  }

  /** A mention by user id, which works for people without a username. */
  static String mention(Official official) {
    return "<a href=\"tg://user?id=" + official.userId() + "\">" + escape(official.name()) + "</a>";
  }

  static String staleButton() {
    return "Tombol ini sudah tidak berlaku.";
  }
}
