package id.rakorbot.cli;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.Role;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.time.Instant;
import id.rakorbot.schedule.Calendar;
import id.rakorbot.schedule.IndonesianTime;
import id.rakorbot.schedule.Occurrence;
import id.rakorbot.schedule.Reminder;
import id.rakorbot.schedule.Schedule;
import id.rakorbot.schedule.ScheduleBook;

/** The readable summary that {@code check-config} prints. */
public final class ConfigSummary {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

  private ConfigSummary() {}

  /**
   * What the database says about the file: the accounts bound to roster people (by key) and the chats bound to groups
   * (by group id); {@code readable} false when it could not be read (then the summary says so).
   */
  public record Bound(boolean readable, String why, java.util.Map<String, Long> accounts, java.util.Map<String, Long> groups) {
    public static Bound unread(String why) {
      return new Bound(false, why, java.util.Map.of(), java.util.Map.of());
    }
  }

  public static String of(RakorbotConfig config, Instant now) {
    return of(config, now, Bound.unread("tidak diperiksa"));
  }

  public static String of(RakorbotConfig fileConfig, Instant now, Bound bound) {
    RakorbotConfig config = fileConfig.withBindings(bound.accounts());
    StringBuilder out = new StringBuilder();
    ZoneId zone = config.bot().zone();
    out.append("Konfigurasi ").append(config.source()).append(" valid.\n");
    out.append("Zona waktu: ").append(zone).append(" (").append(zone.getDisplayName(TextStyle.SHORT, INDONESIAN)).append(")\n");
    out.append("Bot API: ").append(config.telegram().apiUrlForDisplay()).append('\n');
    out.append("Database: ").append(config.database().embedded()
        ? "PostgreSQL bawaan di " + config.database().embeddedDataDir() + " (DATABASE_URL tidak diisi)"
        : "server PostgreSQL dari DATABASE_URL").append('\n');
    out.append("Dasbor web: ").append(config.dashboard().enabled()
        ? config.dashboard().baseUrl() + "/dasbor (Layar diperbarui tiap " + config.dashboard().refreshSeconds() + " detik)"
        : "tidak aktif (dashboard.base_url kosong)").append('\n');
    out.append("Grup (").append(config.groups().size()).append("):\n");
    for (GroupConfig group : config.groups()) {
      out.append("  - ").append(group.id()).append(": ").append(group.name())
          .append(group.region() == null ? "" : " (" + group.region() + ")")
          .append(group.chatId() != null ? ", chat_id " + group.chatId()
              : bound.groups().containsKey(group.id()) ? ", ditautkan ke chat " + bound.groups().get(group.id())
              : ", belum ditautkan")
          .append(group.topic().map(t -> ", topik " + t).orElse("")).append('\n');
    }
    out.append("Roster: ").append(config.people().size()).append(" orang")
        .append(config.rosterFile() == null ? "" : " dari " + config.rosterFile().getFileName());
    for (Role role : Role.values()) {
      out.append(", ").append(role.key()).append(' ').append(config.people().stream().filter(o -> o.has(role)).count());
    }
    out.append('\n');
    long withAccount = config.people().stream().filter(Official::bound).count();
    out.append("Akun Telegram tertaut: ").append(withAccount).append(" dari ").append(config.people().size())
        .append(bound.readable() ? "" : " (tautan di database " + bound.why() + ")").append('\n');
    for (GroupConfig group : config.groups()) {
      List<Official> members = config.people().stream().filter(o -> o.groups().contains(group.id())).toList();
      out.append("  - ").append(group.id()).append(": ").append(members.size()).append(" anggota, ")
          .append(members.stream().filter(Official::bound).count()).append(" tertaut\n");
    }
    response(config, out);
    dataProtection(config, out);
    out.append("Hari libur: ").append(config.holidays().size()).append(" tanggal\n");
    out.append("Jadwal (").append(config.schedules().size()).append("):\n");
    ScheduleBook book = ScheduleBook.of(config);
    Calendar calendar = book.calendar();
    for (Schedule schedule : book.all()) {
      out.append("  - ").append(schedule.id()).append(": ").append(schedule.title())
          .append(" → ").append(String.join(", ", schedule.groups())).append('\n');
      for (String waiting : schedule.groups().stream().filter(g -> config.groupById(g).filter(group -> group.chatId() == null
          && !bound.groups().containsKey(g)).isPresent()).toList()) {
        out.append("      ⚠ jadwal ").append(schedule.id()).append(" menunggu grup ").append(waiting)
            .append(" ditautkan: tambahkan bot ke grup itu, lalu ketuk namanya (admin)\n");
      }
      List<Occurrence> next = calendar.next(schedule, now, 3);
      if (next.isEmpty()) {
        out.append("      (tidak ada pertemuan lagi)\n");
      }
      for (Occurrence occurrence : next) {
        out.append("      ").append(IndonesianTime.dateTime(occurrence.start()))
            .append(occurrence.movedFrom().map(d -> " (dipindah dari " + IndonesianTime.date(d) + ")").orElse("")).append('\n');
        for (Reminder reminder : schedule.reminders()) {
          var at = occurrence.start().minus(reminder.before());
          out.append("        pengingat ").append(reminder.label()).append(": ").append(IndonesianTime.dateTime(at))
              .append(at.toInstant().isBefore(now) ? " (sudah lewat)" : "").append('\n');
        }
      }
    }
    return out.toString();
  }

  /** The escalation ladder, one level per line with its times, so that an admin sees who hears of an alert when. */
  private static void response(RakorbotConfig config, StringBuilder out) {
    var response = config.response();
    out.append("Tanggap peringatan: ditangani oleh ").append(String.join(", ", response.whoMayHandle()));
    if (response.levels().isEmpty()) {
      out.append("; tanpa eskalasi (response.levels kosong)\n");
      return;
    }
    out.append(response.quietHours() == null ? "" : "; jam tenang " + response.quietHours() + " (kecuali awas)").append('\n');
    for (int i = 0; i < response.levels().size(); i++) {
      var level = response.levels().get(i);
      List<String> reach = new java.util.ArrayList<>();
      if (level.byArea()) {
        reach.add("orang di wilayah laporan");
      }
      if (!level.people().isEmpty()) {
        reach.add(level.people().size() + " orang");
      }
      level.groups().forEach(g -> reach.add("grup " + g));
      List<String> times = java.util.stream.Stream.of("awas", "siaga", "waspada").filter(level.ackWithin()::containsKey)
          .map(s -> s + " " + level.ackWithin().get(s).text()).toList();
      out.append("  ").append(i + 1).append(". ").append(level.label()).append(": ").append(String.join(", ", reach))
          .append(times.isEmpty() ? "" : "; naik bila tidak ditangani dalam " + String.join(", ", times)).append('\n');
    }
  }

  /** Who answers for personal data, and how long each kind is kept (UU PDP). */
  private static void dataProtection(RakorbotConfig config, StringBuilder out) {
    var protection = config.dataProtection();
    var r = protection.retention();
    out.append("Data pribadi: PPDP ").append(protection.officer().named() ? protection.officer().name()
        + (protection.officer().contact().isEmpty() ? "" : " (" + protection.officer().contact() + ")") : "belum ditulis (data_protection.officer)")
        .append("; masa simpan pembaruan ").append(r.updates().text()).append(", pesan ").append(r.messages().text())
        .append(", laporan ").append(r.reports().text()).append(", foto ").append(r.photos().text())
        .append(", sesi dasbor ").append(r.sessions().text()).append(", jejak audit ").append(r.audit().text()).append('\n');
  }
}
