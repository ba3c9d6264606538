package id.rakorbot.schedule;

import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.telegram.Html;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** What the bot says about meetings (Bahasa Indonesia, Telegram HTML). */
final class ReminderTexts {

  private ReminderTexts() {}

  static String reminder(Occurrence occurrence, Reminder reminder, boolean late) {
    return "🔔 <b>Pengingat " + reminder.label() + "</b>" + (late ? " <i>(terlambat terkirim)</i>" : "") + "\n"
        + details(occurrence);
  }

  static String announcement(Occurrence occurrence) {
    return "📅 <b>Jadwal pertemuan berikutnya</b>\n" + details(occurrence);
  }

  /** The first announcement of a meeting whose reminder is due about now too: one message, not two. */
  static String announcementWithReminder(Occurrence occurrence, Reminder reminder) {
    return "📅 <b>Jadwal pertemuan berikutnya</b> · 🔔 <b>Pengingat " + reminder.label() + "</b>\n" + details(occurrence);
  }

  private static String details(Occurrence occurrence) {
    Schedule schedule = occurrence.schedule();
    StringBuilder text = new StringBuilder();
    text.append("<b>").append(escape(schedule.title())).append("</b>\n");
    text.append("🗓 ").append(Html.time(occurrence.start().toInstant(), IndonesianTime.dateTime(occurrence.start()))).append('\n');
    occurrence.movedFrom().ifPresent(original -> text.append("⚠️ Dipindahkan dari ")
        .append(IndonesianTime.dayAndDate(original)).append(" karena hari libur.\n"));
    text.append("⏱ ").append(IndonesianTime.duration(schedule.duration())).append(", ").append(schedule.mode().label()).append('\n');
    schedule.venue().ifPresent(venue -> text.append("📍 ").append(escape(venue)).append('\n'));
    schedule.link().ifPresent(link -> text.append("🔗 <a href=\"").append(Html.attribute(link)).append("\">Tautan rapat daring</a>\n"));
    schedule.agenda().ifPresent(agenda -> text.append("📝 Agenda: ").append(escape(agenda)).append('\n'));
    return text.toString().stripTrailing();
  }

  static String upcoming(String heading, List<Sessions.Session> sessions) {
    if (sessions.isEmpty()) {
      return "<b>" + escape(heading) + "</b>\nBelum ada pertemuan terjadwal.";
    }
    return "<b>" + escape(heading) + "</b>\n" + sessions.stream()
        .map(s -> {
          Occurrence o = s.occurrence();
          return "• " + IndonesianTime.dateTime(o.start()) + " — " + escape(o.schedule().title())
              + o.schedule().venue().map(v -> " (" + escape(v) + ")").orElse("")
              + (o.movedFrom().isPresent() ? " <i>(dipindah dari " + IndonesianTime.date(o.movedFrom().get()) + ")</i>" : "")
              + " [sesi " + s.id() + "]";
        })
        .collect(Collectors.joining("\n"));
  }

  static String notInRoster() {
    return "Bapak/Ibu belum terdaftar di roster, jadi belum ada jadwal untuk Anda. Ketik /start untuk melihat cara mendaftar.";
  }

  /** For logs: when a missed reminder is dropped. */
  static String droppedLog(Occurrence occurrence, Reminder reminder, Instant now) {
    return "Reminder " + reminder.code() + " for " + occurrence.key() + " dropped: the meeting started before it could be sent (now " + now + ")";
  }
}
