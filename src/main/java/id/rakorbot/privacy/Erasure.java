package id.rakorbot.privacy;

import id.rakorbot.audit.Audit;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.report.ReportPrivacy;
import id.rakorbot.response.AlertPrivacy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Erases one person: their rows go, the rows the figures need stay without them (a report keeps its category,
 * area, severity and time; an RSVP answer its answer, under a pseudonym), and every text the bot stored — the
 * inbox's and outbox's payloads included — loses their name, Telegram id, username and phone. Reports under legal
 * hold stay whole. One transaction: all of it or nothing.
 */
final class Erasure {

  /** What replaces a name or a phone number in a text. */
  static final String ERASED = "[dihapus]";
  /** Columns of these tables are not rewritten: the audit trail is append-only (an erased person is blanked in audit_person). */
  private static final Set<String> UNTOUCHED = Set.of("audit_log", "audit_person", "flyway_schema_history");

  /** How much was erased, by kind, for the admin's confirmation and the audit row. */
  record Result(long pseudonym, Map<String, Integer> counts, int heldReports, boolean stillOnRoster) {
    String summary() {
      List<String> parts = new ArrayList<>();
      counts.forEach((k, v) -> {
        if (v > 0) {
          parts.add(k + " " + v);
        }
      });
      return parts.isEmpty() ? "tidak ada data" : String.join(", ", parts);
    }
  }

  private Erasure() {}

  /** What {@link #erase} would touch, without touching it: the first step of the two-step confirmation. */
  static Map<String, Integer> preview(Handle handle, long userId) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("laporan", ReportPrivacy.countOf(handle, userId));
    counts.put("jawaban kehadiran", count(handle, "SELECT count(*) FROM rsvp_answer WHERE user_id = :u", userId));
    counts.put("tindak lanjut", count(handle, "SELECT count(*) FROM follow_up WHERE owner_user_id = :u OR recorded_by = :u", userId));
    counts.put("sesi dasbor", count(handle, "SELECT count(*) FROM dashboard_session WHERE user_id = :u", userId));
    counts.put("pendaftaran", ReportPrivacy.registrationsOf(handle, userId));
    counts.put("pengikatan akun", count(handle, "SELECT count(*) FROM roster_binding WHERE user_id = :u", userId));
    return counts;
  }

  static Result erase(Handle handle, RakorbotConfig config, long userId, Instant now) {
    Set<String> terms = terms(handle, config, userId);
    long pseudonym = -handle.createQuery("SELECT nextval('erased_person_seq')").mapTo(Long.class).one();
    Map<String, Integer> counts = new LinkedHashMap<>();
    int held = ReportPrivacy.heldOf(handle, userId);
    List<String> reports = ReportPrivacy.eraseReporter(handle, userId, now);
    AlertPrivacy.forgetReports(handle, reports);
    counts.put("laporan", reports.size());
    counts.put("pendaftaran", ReportPrivacy.eraseRegistration(handle, userId));
    update(handle, "DELETE FROM roster_invite WHERE person_key IN (SELECT person_key FROM roster_binding WHERE user_id = :u)", userId, pseudonym);
    update(handle, "UPDATE roster_invite SET used_by = NULL WHERE used_by = :u", userId, pseudonym);
    counts.put("pengikatan akun", update(handle, "DELETE FROM roster_binding WHERE user_id = :u", userId, pseudonym));
    update(handle, "DELETE FROM private_chat WHERE user_id = :u", userId, pseudonym);
    counts.put("jawaban kehadiran", update(handle, "UPDATE rsvp_answer SET user_id = :p, deputy = NULL, reason = NULL WHERE user_id = :u", userId, pseudonym));
    update(handle, "DELETE FROM rsvp_deputy_question WHERE user_id = :u", userId, pseudonym);
    counts.put("tindak lanjut", update(handle, """
        UPDATE follow_up SET owner_user_id = CASE WHEN owner_unit IS NULL THEN :p END, owner_name = '[dihapus]'
        WHERE owner_user_id = :u""", userId, pseudonym)
        + update(handle, "UPDATE follow_up SET recorded_by = :p, recorded_by_name = '[dihapus]' WHERE recorded_by = :u", userId, pseudonym));
    update(handle, "DELETE FROM calendar_subscription WHERE user_id = :u", userId, pseudonym);
    update(handle, "DELETE FROM follow_up_photo p USING follow_up_note n WHERE n.id = p.note_id AND n.by_user = :u", userId, pseudonym);
    update(handle, "UPDATE follow_up_note SET by_user = :p, by_name = '[dihapus]', photo_file_id = NULL WHERE by_user = :u", userId, pseudonym);
    update(handle, "UPDATE alert SET reporter_id = NULL WHERE reporter_id = :u", userId, pseudonym);
    update(handle, "UPDATE alert SET handler_id = :p, handler_name = '[dihapus]' WHERE handler_id = :u", userId, pseudonym);
    update(handle, "UPDATE alert SET done_by = :p WHERE done_by = :u", userId, pseudonym);
    update(handle, "UPDATE alert_action SET user_id = :p WHERE user_id = :u", userId, pseudonym);
    update(handle, "DELETE FROM alert_notified WHERE user_id = :u", userId, pseudonym);
    update(handle, "DELETE FROM alert_question WHERE user_id = :u", userId, pseudonym);
    update(handle, "UPDATE early_warning SET escalated_to = NULL WHERE escalated_to = :u", userId, pseudonym);
    update(handle, "UPDATE early_warning SET closed_by = NULL WHERE closed_by = :u", userId, pseudonym);
    counts.put("sesi dasbor", update(handle, "DELETE FROM dashboard_session WHERE user_id = :u", userId, pseudonym)
        + update(handle, "DELETE FROM dashboard_link WHERE user_id = :u", userId, pseudonym));
    update(handle, "DELETE FROM erasure_request WHERE target_id = :u", userId, pseudonym);
    String mentions = mentions(terms, userId);
    counts.put("pesan keluar", update(handle, "DELETE FROM outbox_message WHERE (chat_id = :u OR recipient_id = :u) AND NOT forget",
        userId, pseudonym));
    counts.put("pesan masuk", handle.createUpdate("DELETE FROM inbox_update WHERE processed_at IS NOT NULL AND payload::text ~ :m")
        .bind("m", mentions).execute());
    handle.createUpdate("DELETE FROM inbox_set_aside WHERE payload ~ :m").bind("m", mentions).execute();
    counts.put("teks lain", rewriteTexts(handle, terms, userId));
    Audit.forget(handle, userId);
    return new Result(pseudonym, counts, held, config.official(userId).isPresent());
  }

  /** Names (roster, registration, what they signed with, their Telegram names), username and phone numbers: what texts may hold. */
  private static Set<String> terms(Handle handle, RakorbotConfig config, long userId) {
    Set<String> terms = new LinkedHashSet<>();
    config.official(userId).ifPresent(o -> {
      terms.add(o.name());
      if (o.username() != null) {
        terms.add("@" + o.username());
        terms.add(o.username());
      }
      phones(o.phone(), terms);
    });
    terms.addAll(handle.createQuery("""
        SELECT owner_name FROM follow_up WHERE owner_user_id = :u
        UNION SELECT recorded_by_name FROM follow_up WHERE recorded_by = :u
        UNION SELECT by_name FROM follow_up_note WHERE by_user = :u
        UNION SELECT handler_name FROM alert WHERE handler_id = :u AND handler_name IS NOT NULL
        UNION SELECT name FROM audit_person WHERE user_id = :u""").bind("u", userId).mapTo(String.class).list());
    terms.addAll(ReportPrivacy.namesOf(handle, userId));
    terms.addAll(ReportPrivacy.registeredNamesOf(handle, userId));
    // Telegram's own user objects and shared contacts, wherever an update carries them.
    for (String field : List.of("first_name", "last_name", "username", "phone_number")) {
      terms.addAll(handle.createQuery("""
          SELECT DISTINCT o ->> :field FROM inbox_update,
               jsonb_path_query(payload, '$.** ? (@.id == $u || @.user_id == $u)', jsonb_build_object('u', :u)) AS o
          WHERE o ->> :field IS NOT NULL""").bind("field", field).bind("u", userId).mapTo(String.class).list());
    }
    handle.createQuery("""
        SELECT DISTINCT o ->> 'phone_number' FROM inbox_update,
             jsonb_path_query(payload, '$.** ? (@.user_id == $u)', jsonb_build_object('u', :u)) AS o
        WHERE o ->> 'phone_number' IS NOT NULL""").bind("u", userId).mapTo(String.class).list().forEach(p -> phones(p, terms));
    Set<String> usable = new LinkedHashSet<>();
    for (String term : terms) {
      if (term != null && term.strip().length() >= 3 && !term.equals(ERASED)) {
        usable.add(term.strip());
      }
    }
    return usable;
  }

  /** A phone number as it may be written: as given, with +62, with 62, with 0. */
  private static void phones(String phone, Set<String> terms) {
    if (phone == null || phone.isBlank()) {
      return;
    }
    terms.add(phone.strip());
    String digits = phone.replaceAll("\\D", "");
    String national = digits.startsWith("62") ? digits.substring(2) : digits.startsWith("0") ? digits.substring(1) : digits;
    if (national.length() >= 6) {
      terms.addAll(List.of("+62" + national, "62" + national, "0" + national, national));
    }
  }

  /** A PostgreSQL regular expression matching the id as a whole number, or any term as a whole word. */
  private static String mentions(Set<String> terms, long userId) {
    return words(terms).map(w -> idPattern(userId) + "|" + w).orElse(idPattern(userId));
  }

  private static String idPattern(long userId) {
    return "(^|[^0-9])" + userId + "($|[^0-9])";
  }

  private static java.util.Optional<String> words(Set<String> terms) {
    if (terms.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<String> alternatives = new ArrayList<>();
    terms.forEach(t -> alternatives.add((Character.isLetterOrDigit(t.charAt(0)) ? "\\m" : "") + quote(t)
        + (Character.isLetterOrDigit(t.charAt(t.length() - 1)) ? "\\M" : "")));
    return java.util.Optional.of(String.join("|", alternatives));
  }

  private static String quote(String term) {
    return term.replaceAll("([^\\p{L}\\p{N} ])", "\\\\$1");
  }

  /**
   * Every text and JSON column of every table (but the audit trail's): names and phones become {@code [dihapus]},
   * the id as a whole number becomes 0 (still valid JSON). Found from the catalogue, so a table added later is
   * covered too.
   */
  private static int rewriteTexts(Handle handle, Set<String> terms, long userId) {
    List<Map<String, Object>> columns = handle.createQuery("""
        SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = current_schema() AND c.data_type IN ('text', 'jsonb', 'character varying')
          AND c.table_name NOT LIKE 'qrtz%'
        ORDER BY c.table_name, c.column_name""").mapToMap().list();
    java.util.Optional<String> words = words(terms);
    int changed = 0;
    for (Map<String, Object> column : columns) {
      String table = (String) column.get("table_name");
      if (UNTOUCHED.contains(table)) {
        continue;
      }
      String name = "\"" + column.get("column_name") + "\"";
      boolean json = "jsonb".equals(column.get("data_type"));
      String value = json ? name + "::text" : name;
      String replaced = "regexp_replace(" + value + ", :id, '\\1' || '0' || '\\2', 'g')";
      if (words.isPresent()) {
        replaced = "regexp_replace(" + replaced + ", :words, :erased, 'g')";
      }
      var update = handle.createUpdate("UPDATE \"" + table + "\" SET " + name + " = " + (json ? "(" + replaced + ")::jsonb" : replaced)
          + " WHERE " + value + " ~ :mentions").bind("id", idPattern(userId)).bind("mentions", mentions(terms, userId));
      words.ifPresent(w -> update.bind("words", w).bind("erased", ERASED));
      changed += update.execute();
    }
    return changed;
  }

  private static int count(Handle handle, String sql, long userId) {
    return handle.createQuery(sql).bind("u", userId).mapTo(Integer.class).one();
  }

  private static int update(Handle handle, String sql, long userId, long pseudonym) {
    var update = handle.createUpdate(sql).bind("u", userId);
    if (sql.contains(":p")) {
      update.bind("p", pseudonym);
    }
    return update.execute();
  }
}
