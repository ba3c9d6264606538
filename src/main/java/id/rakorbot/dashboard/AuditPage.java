package id.rakorbot.dashboard;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.audit.AuditRow;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.dashboard.Views.Option;
import id.rakorbot.error.UserMistake;
import id.rakorbot.export.ExcelCsv;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** "Jejak audit": who did what, when and from where, filtered by dates, action and actor; admins only. */
final class AuditPage {

  private static final int TABLE_ROWS = 200;
  private static final int CSV_ROWS = 100_000;

  /** The filters as read from the query: {@code dari}, {@code sampai} (dates, inclusive), {@code tindakan}, {@code pelaku}. */
  record Filter(LocalDate from, LocalDate to, String action, String actor) {

    static Filter parse(Map<String, String> query, LocalDate today) {
      LocalDate to = date(query.get("sampai"), today, "sampai");
      LocalDate from = date(query.get("dari"), to.minusDays(30), "dari");
      if (from.isAfter(to)) {
        throw new UserMistake("Tanggal 'dari' (" + from + ") sesudah tanggal 'sampai' (" + to + ").");
      }
      String action = query.getOrDefault("tindakan", "").strip();
      if (!action.isEmpty() && !Actions.LABELS.containsKey(action) && Actions.LABELS.keySet().stream().noneMatch(a -> a.startsWith(action + "."))) {
        throw new UserMistake("Tindakan '" + action + "' tidak dikenal.");
      }
      String actor = query.getOrDefault("pelaku", "").strip();
      return new Filter(from, to, action, actor.length() > 100 ? actor.substring(0, 100) : actor);
    }

    private static LocalDate date(String text, LocalDate otherwise, String field) {
      if (text == null || text.isBlank()) {
        return otherwise;
      }
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw new UserMistake("Tanggal '" + field + "' tidak dapat dibaca: tulis seperti 2026-12-01.");
      }
    }

    String queryString() {
      return "?dari=" + from + "&sampai=" + to + "&tindakan=" + encode(action) + "&pelaku=" + encode(actor);
    }

    private static String encode(String value) {
      return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    List<AuditRow> rows(Handle handle, ZoneId zone, int limit) {
      return Audit.find(handle, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), action, actor, limit);
    }
  }

  private final Pages pages;

  AuditPage(Pages pages) {
    this.pages = pages;
  }

  Views.AuditTrailPage page(Handle handle, RakorbotConfig config, String viewer, Filter filter) {
    ZoneId zone = Pages.zone(config);
    List<AuditRow> rows = filter.rows(handle, zone, TABLE_ROWS + 1);
    List<Views.AuditLine> lines = rows.stream().limit(TABLE_ROWS).map(r -> new Views.AuditLine(Formats.dateClock(r.at(), zone), Actions.label(r.action()),
        who(r), subject(r), r.origin(), r.details())).toList();
    String shown = rows.isEmpty() ? "Tidak ada catatan untuk pilihan ini."
        : rows.size() > TABLE_ROWS ? "Menampilkan " + TABLE_ROWS + " catatan terbaru; unduh CSV untuk semuanya."
        : Formats.number(rows.size()) + " catatan.";
    List<Option> actions = new ArrayList<>();
    actions.add(new Option("", "Semua tindakan", filter.action().isEmpty()));
    Actions.LABELS.forEach((key, label) -> actions.add(new Option(key, label, key.equals(filter.action()))));
    String choice = Formats.days(filter.from(), filter.to()) + (filter.action().isEmpty() ? "" : " · " + Actions.label(filter.action()))
        + (filter.actor().isEmpty() ? "" : " · " + filter.actor());
    return new Views.AuditTrailPage(pages.frame(config, "Jejak audit", "jejak-audit", viewer), new Views.Filters(Routes.JEJAK_AUDIT, choice),
        filter.from().toString(), filter.to().toString(), actions, filter.actor(), lines, shown, Routes.JEJAK_AUDIT_CSV + filter.queryString());
  }

  private static final CsvSchema COLUMNS = ExcelCsv.columns(
      "Waktu", "Tindakan", "Kode", "Pelaku", "ID Telegram", "Objek", "Asal", "Sumber", "Keterangan");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Every row of the filter, for Excel: the table's columns, with the action's key and the actor's Telegram id. */
  static byte[] csv(Handle handle, RakorbotConfig config, Filter filter) {
    ZoneId zone = Pages.zone(config);
    return ExcelCsv.write(COLUMNS, out -> {
      for (AuditRow r : filter.rows(handle, zone, CSV_ROWS)) {
        out.write(List.of(r.at().atZone(zone).format(TIME), Actions.label(r.action()), r.action(), who(r),
            r.actorId() == null ? "" : r.actorId().toString(), subject(r), r.origin(), r.source(), r.details()));
      }
    });
  }

  private static String who(AuditRow r) {
    return r.actorName().isEmpty() ? "(sistem)" : r.actorName();
  }

  private static String subject(AuditRow r) {
    return r.subjectName().isEmpty() ? r.subject() : (r.subject().isEmpty() ? "" : r.subject() + " ") + r.subjectName();
  }
}
