package id.rakorbot.schedule;

import id.rakorbot.config.ConfigCheck;
import id.rakorbot.config.ConfigCheck.Problem;
import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.ScheduleConfig;
import id.rakorbot.config.ScheduleConfig.RepeatConfig;
import id.rakorbot.config.Suggestions;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the {@code schedules:} and {@code holidays:} of the config file into {@link Schedule}s, and as a
 * {@link ConfigCheck} reports every mistake with its place in the file. Messages are for admins.
 */
public final class ScheduleParser {

  /** The schedule checks, for {@link id.rakorbot.config.ConfigLoader}. */
  public static final ConfigCheck CHECK = ScheduleParser::problems;

  private static final Pattern ID = Pattern.compile("[a-z0-9_]{1,24}");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final List<String> KINDS = List.of("rakor", "kopi_senja", "ngopi_kamtibmas", "lainnya");
  private static final List<String> MODES = List.of("luring", "daring", "hybrid");
  private static final List<String> EVERY = List.of("week", "month", "quarter", "once", "cron");
  private static final Duration DEFAULT_DURATION = Duration.ofHours(2);
  private static final List<Reminder> DEFAULT_REMINDERS = List.of(new Reminder(Duration.ofDays(1)), new Reminder(Duration.ofHours(2)));

  private final List<Problem> problems = new ArrayList<>();

  private ScheduleParser() {}

  /** The schedules of a config that passed {@link #CHECK}. */
  private static final java.time.LocalDateTime NEVER_BEFORE = java.time.LocalDateTime.of(2000, 1, 1, 0, 0);

  public static List<Schedule> schedules(RakorbotConfig config) {
    var parser = new ScheduleParser();
    List<Schedule> schedules = parser.parse(config);
    if (!parser.problems.isEmpty()) {
      throw new IllegalStateException("Unchecked schedules: " + parser.problems);
    }
    return schedules;
  }

  public static Holidays holidays(RakorbotConfig config) {
    return new ScheduleParser().parseHolidays(config.holidays());
  }

  static List<Problem> problems(RakorbotConfig config) {
    var parser = new ScheduleParser();
    parser.parse(config);
    return parser.problems;
  }

  private List<Schedule> parse(RakorbotConfig config) {
    parseHolidays(config.holidays());
    List<Schedule> schedules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < config.schedules().size(); i++) {
      ScheduleConfig entry = config.schedules().get(i);
      String at = "/schedules/" + i;
      if (entry.id() != null && !ids.add(entry.id())) {
        problem(at + "/id", "id jadwal '" + entry.id() + "' sudah dipakai. Setiap jadwal perlu id yang unik.");
      }
      parse(entry, at, config).ifPresent(schedules::add);
    }
    return schedules;
  }

  private Holidays parseHolidays(List<String> dates) {
    Set<LocalDate> parsed = new HashSet<>();
    for (int i = 0; i < dates.size(); i++) {
      date(dates.get(i), "/holidays/" + i).ifPresent(parsed::add);
    }
    return new Holidays(parsed);
  }

  private Optional<Schedule> parse(ScheduleConfig entry, String at, RakorbotConfig config) {
    int before = problems.size();
    String id = required(entry.id(), at, "id", "rakor_pks");
    if (id != null && !ID.matcher(id).matches()) {
      problem(at + "/id", "id jadwal '" + id + "' tidak valid. Pakai huruf kecil, angka dan '_' (paling panjang 24), misalnya rakor_pks.");
    } else if (id != null && Planner.FOREIGN_GROUPS.contains(id)) {
      problem(at + "/id", "id jadwal '" + id + "' dipakai bot untuk keperluan sendiri. Pilih id lain, misalnya " + id + "_forum.");
    }
    String title = required(entry.title(), at, "title", "Rakor Tim Terpadu PKS");
    Schedule.Kind kind = choice(entry.kind(), at + "/kind", "jenis", KINDS, "rakor")
        .map(k -> Schedule.Kind.valueOf(k.toUpperCase(Locale.ROOT))).orElse(null);
    checkGroups(entry.groups(), at, config);
    Schedule.Mode mode = choice(entry.mode(), at + "/mode", "mode", MODES, "luring")
        .map(m -> Schedule.Mode.valueOf(m.toUpperCase(Locale.ROOT))).orElse(null);
    Optional<String> link = text(entry.link());
    if (mode != null && mode.online() && link.isEmpty()) {
      problem(at, "jadwal " + mode.name().toLowerCase(Locale.ROOT) + " perlu 'link' rapat daring, contoh: link: https://zoom.us/j/123456789");
    } else if (link.isPresent() && !link.get().matches("https?://\\S+")) {
      problem(at + "/link", "link '" + link.get() + "' tidak valid. Tulis alamat lengkap yang diawali https://");
    }
    ZoneId zone = zone(entry.timeZone(), at, config.bot().timeZone());
    Recurrence recurrence = recurrence(entry.repeat(), at);
    LocalTime time = recurrence instanceof Recurrence.Cron ? LocalTime.MIDNIGHT : time(entry.time(), at);
    Duration duration = entry.duration() == null ? DEFAULT_DURATION
        : Reminder.parse(entry.duration()).map(Reminder::before).orElseGet(() -> {
          problem(at + "/duration", "durasi '" + entry.duration() + "' tidak valid. Tulis seperti 2h (2 jam) atau 90m (90 menit).");
          return DEFAULT_DURATION;
        });
    List<Reminder> reminders = reminders(entry.reminders(), at, recurrence);
    HolidayPolicy onHoliday = holidayPolicy(entry.onHoliday(), at);
    Optional<Reminder> nudge = nudge(entry.nudge(), reminders, at);
    Optional<BriefingTime> briefing = briefing(entry.briefing(), kind, at);
    if (recurrence != null && zone != null && time != null) {
      checkFires(recurrence, zone, time, at);
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new Schedule(id, title, kind, entry.groups(), text(entry.venue()), mode, link,
        text(entry.agenda()), time, duration, recurrence, reminders, nudge, onHoliday, zone, briefing,
        entry.calendar() == null || entry.calendar()));
  }

  private void checkGroups(List<String> groups, String at, RakorbotConfig config) {
    if (groups.isEmpty()) {
      problem(at, "jadwal perlu 'groups': grup tujuan pengingat, contoh: groups: [forkopimda]");
    }
    List<String> declared = config.groups().stream().map(GroupConfig::id).toList();
    for (int g = 0; g < groups.size(); g++) {
      if (!declared.contains(groups.get(g))) {
        problem(at + "/groups/" + g, "grup '" + groups.get(g) + "' tidak dideklarasikan di bagian groups."
            + Suggestions.closest(groups.get(g), declared).map(s -> " Maksud Anda '" + s + "'?").orElse("")
            + " Grup yang ada: " + String.join(", ", declared) + ".");
      }
    }
  }

  private Recurrence recurrence(RepeatConfig repeat, String at) {
    if (repeat == null || repeat.every() == null) {
      problem(at, "jadwal perlu 'repeat' dengan 'every': week, month, quarter, once atau cron."
          + " Contoh Rabu terakhir setiap bulan: repeat: {every: month, weekday: rabu, week: last}");
      return null;
    }
    String where = at + "/repeat";
    String every = choice(repeat.every(), where + "/every", "pengulangan", EVERY, null).orElse(null);
    if (every == null) {
      return null;
    }
    return switch (every) {
      case "week" -> weekday(repeat.weekday(), where).map(Recurrence.Weekly::new).orElse(null);
      case "month" -> dayInMonth(repeat, where).map(day -> new Recurrence.Monthly(1, Month.JANUARY, day)).orElse(null);
      case "quarter" -> {
        Month first = repeat.startMonth() == null ? Month.JANUARY : IndonesianTime.parseMonth(repeat.startMonth()).orElse(null);
        if (first == null) {
          problem(where + "/start_month", "bulan '" + repeat.startMonth() + "' tidak dikenal. Tulis 1-12 atau nama bulan, misalnya januari.");
        }
        Optional<Recurrence.DayInMonth> day = dayInMonth(repeat, where);
        yield first == null || day.isEmpty() ? null : new Recurrence.Monthly(3, first, day.get());
      }
      case "once" -> {
        if (repeat.date() == null) {
          problem(where, "jadwal sekali perlu 'date', contoh: date: 2026-12-03");
          yield null;
        }
        yield date(repeat.date(), where + "/date").map(Recurrence.Once::new).orElse(null);
      }
      default -> cron(repeat.cron(), where);
    };
  }

  private Recurrence cron(String expression, String where) {
    if (expression == null) {
      problem(where, "pengulangan cron perlu 'cron', contoh Jumat pukul 19.00: cron: \"0 0 19 ? * FRI\"");
      return null;
    }
    try {
      Recurrence.Cron.compile(expression, ZoneId.of("UTC"));
      return new Recurrence.Cron(expression);
    } catch (IllegalArgumentException e) {
      problem(where + "/cron", "ekspresi cron '" + expression + "' tidak valid (" + e.getMessage() + ")."
          + " Formatnya: detik menit jam tanggal bulan hari, misalnya \"0 0 19 ? * FRI\".");
      return null;
    }
  }

  private Optional<Recurrence.DayInMonth> dayInMonth(RepeatConfig repeat, String where) {
    if (repeat.day() != null) {
      if (repeat.day() < 1 || repeat.day() > 31) {
        problem(where + "/day", "tanggal " + repeat.day() + " tidak ada. Isi 1-31 (pada bulan yang lebih pendek dipakai tanggal terakhirnya).");
        return Optional.empty();
      }
      return Optional.of(new Recurrence.DayOfMonth(repeat.day()));
    }
    Optional<DayOfWeek> day = weekday(repeat.weekday(), where);
    if (day.isEmpty()) {
      return Optional.empty();
    }
    String week = repeat.week() == null ? null : repeat.week().trim().toLowerCase(Locale.ROOT);
    if (week == null) {
      problem(where, "tulis minggu keberapa dengan 'week': 1, 2, 3, 4 atau last (terakhir), contoh: week: last");
      return Optional.empty();
    }
    if (week.equals("last") || week.equals("terakhir")) {
      return Optional.of(new Recurrence.NthWeekday(-1, day.get()));
    }
    if (!week.matches("[1-4]")) {
      problem(where + "/week", "minggu ke-'" + repeat.week() + "' tidak selalu ada. Isi 1, 2, 3, 4 atau last (terakhir).");
      return Optional.empty();
    }
    return Optional.of(new Recurrence.NthWeekday(Integer.parseInt(week), day.get()));
  }

  private Optional<DayOfWeek> weekday(String name, String where) {
    if (name == null) {
      problem(where, "tulis harinya dengan 'weekday', contoh: weekday: rabu");
      return Optional.empty();
    }
    Optional<DayOfWeek> day = IndonesianTime.parseDay(name);
    if (day.isEmpty()) {
      List<String> names = Arrays.stream(IndonesianTime.dayNames()).map(d -> d.toLowerCase(Locale.ROOT)).toList();
      problem(where + "/weekday", "hari '" + name + "' tidak dikenal."
          + Suggestions.closest(name, names).map(s -> " Maksud Anda '" + s + "'?").orElse("")
          + " Pilihan: " + String.join(", ", names) + ".");
    }
    return day;
  }

  private LocalTime time(String text, String at) {
    if (text == null) {
      problem(at, "jadwal perlu 'time': jam mulai waktu setempat, contoh: time: \"09:00\"");
      return null;
    }
    Optional<LocalTime> time = id.rakorbot.config.ClockTime.parse(text);
    if (time.isEmpty()) {
      problem(at + "/time", "jam '" + text + "' tidak valid. Tulis jam:menit 24 jam, misalnya 09:00 atau 19.30.");
      return null;
    }
    return time.get();
  }

  private Optional<LocalDate> date(String text, String pointer) {
    Matcher m = DATE.matcher(text.trim());
    if (!m.matches()) {
      problem(pointer, "tanggal '" + text + "' tidak valid. Tulis tahun-bulan-tanggal, misalnya 2026-08-17.");
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    } catch (DateTimeException e) {
      problem(pointer, "tanggal " + text + " tidak ada di kalender. Periksa tanggal dan bulannya.");
      return Optional.empty();
    }
  }

  private ZoneId zone(String text, String at, String fallback) {
    String name = text == null || text.isBlank() ? fallback : text.trim();
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      problem(at + "/time_zone", "zona waktu '" + name + "' tidak dikenal. Gunakan Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT).");
      return null;
    }
  }

  private List<Reminder> reminders(List<String> texts, String at, Recurrence recurrence) {
    if (texts.isEmpty()) {
      return DEFAULT_REMINDERS;
    }
    List<Reminder> reminders = new ArrayList<>();
    for (int r = 0; r < texts.size(); r++) {
      String pointer = at + "/reminders/" + r;
      Optional<Reminder> reminder = Reminder.parse(texts.get(r));
      if (reminder.isEmpty()) {
        problem(pointer, "pengingat '" + texts.get(r) + "' tidak valid. Tulis seperti 7d (7 hari), 1d, 2h (2 jam) atau 30m (30 menit).");
        continue;
      }
      Optional<Duration> interval = recurrence == null ? Optional.empty() : recurrence.shortestInterval();
      if (interval.isPresent() && reminder.get().before().compareTo(interval.get()) > 0) {
        problem(pointer, "pengingat " + texts.get(r) + " lebih jauh dari jarak antar-pertemuan (bisa hanya "
            + IndonesianTime.duration(interval.get()) + "): pengingatnya akan tertukar dengan pertemuan sebelumnya."
            + " Perpendek pengingatnya.");
        continue;
      }
      if (reminders.contains(reminder.get())) {
        problem(pointer, "pengingat " + texts.get(r) + " ditulis dua kali.");
        continue;
      }
      reminders.add(reminder.get());
    }
    return reminders.stream().sorted().toList();
  }

  /** Which reminder also chases non-responders: as configured, else the H-1 one if there is one. */
  /** The bahan rapat: "H-1 08:00" unless written otherwise; by default only for rakor and Kopi Senja. */
  private Optional<BriefingTime> briefing(String text, Schedule.Kind kind, String at) {
    if (text == null || text.isBlank()) {
      return kind == Schedule.Kind.RAKOR || kind == Schedule.Kind.KOPI_SENJA ? Optional.of(BriefingTime.DEFAULT) : Optional.empty();
    }
    if (List.of("none", "tidak").contains(text.trim().toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    Optional<BriefingTime> parsed = BriefingTime.parse(text);
    if (parsed.isEmpty()) {
      problem(at + "/briefing", "briefing '" + text + "' tidak valid. Tulis hari sebelum dan jam setempat, misalnya"
          + " briefing: \"H-1 08:00\", atau briefing: none.");
    }
    return parsed;
  }

  private Optional<Reminder> nudge(String text, List<Reminder> reminders, String at) {
    Optional<Reminder> dayBefore = reminders.stream().filter(r -> r.before().equals(Duration.ofDays(1))).findFirst();
    if (text == null) {
      return dayBefore;
    }
    if (List.of("none", "tidak").contains(text.trim().toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    Optional<Reminder> chosen = Reminder.parse(text).filter(reminders::contains);
    if (chosen.isEmpty()) {
      problem(at + "/nudge", "nudge '" + text + "' harus salah satu pengingat jadwal ini ("
          + reminders.stream().map(Reminder::code).collect(Collectors.joining(", ")) + ") atau none.");
    }
    return chosen;
  }

  private HolidayPolicy holidayPolicy(String text, String at) {
    if (text == null) {
      return HolidayPolicy.SHIFT;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "shift", "geser" -> HolidayPolicy.SHIFT;
      case "skip", "lewati" -> HolidayPolicy.SKIP;
      default -> {
        problem(at + "/on_holiday", "'" + text + "' tidak dikenal. Isi shift (geser ke hari kerja berikutnya) atau skip (tidak diadakan).");
        yield HolidayPolicy.SHIFT;
      }
    };
  }

  /**
   * Whether a cron can fire at all, asked from a fixed moment in the past, never from "now": a schedule with
   * a year that has passed was valid when written and must stay valid, or every use of the config would fail.
   */
  private void checkFires(Recurrence recurrence, ZoneId zone, LocalTime time, String at) {
    if (recurrence instanceof Recurrence.Cron && recurrence.nextAfter(NEVER_BEFORE.atZone(zone), time).isEmpty()) {
      problem(at + "/repeat/cron", "ekspresi cron ini tidak pernah terjadi (misalnya 30 Februari). Periksa tanggal dan bulannya.");
    }
  }

  private Optional<String> choice(String value, String pointer, String what, List<String> allowed, String fallback) {
    if (value == null || value.isBlank()) {
      if (fallback == null) {
        problem(pointer, what + " wajib diisi: " + String.join(", ", allowed) + ".");
      }
      return Optional.ofNullable(fallback);
    }
    String key = value.trim().toLowerCase(Locale.ROOT);
    if (allowed.contains(key)) {
      return Optional.of(key);
    }
    problem(pointer, what + " '" + value + "' tidak dikenal."
        + Suggestions.closest(key, allowed).map(s -> " Maksud Anda '" + s + "'?").orElse("")
        + " Pilihan: " + allowed.stream().collect(Collectors.joining(", ")) + ".");
    return Optional.empty();
  }

  private String required(String value, String at, String key, String example) {
    if (value == null || value.isBlank()) {
      problem(at, "'" + key + "' wajib diisi, contoh: " + key + ": " + example);
      return null;
    }
    return value.trim();
  }

  private static Optional<String> text(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private void problem(String pointer, String message) {
    problems.add(new Problem(pointer, message));
  }
}
