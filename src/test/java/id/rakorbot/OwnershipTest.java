package id.rakorbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table: the SQL that names a table lives in the package that owns it (migrations aside); every
 * other feature asks that package. The README's architecture section lists the same owners.
 */
class OwnershipTest {

  /** Each table (and view or function) of the migrations, by the package that owns it. */
  static final Map<String, List<String>> OWNERS = Map.ofEntries(
      Map.entry("report", List.of("report", "report_photo", "report_flood", "report_correction", "report_draft", "reporter",
          "report_day_category", "report_day_area", "report_day_done", "report_matching")),
      Map.entry("outbox", List.of("outbox_message")),
      Map.entry("telegram", List.of("inbox_update", "inbox_set_aside", "telegram_group", "private_chat")),
      Map.entry("schedule", List.of("schedule_occurrence")),
      Map.entry("calendar", List.of("calendar_event", "calendar_subscription")),
      Map.entry("rsvp", List.of("rsvp_answer", "rsvp_message", "rsvp_deputy_question")),
      Map.entry("followup", List.of("follow_up", "follow_up_note", "follow_up_photo", "follow_up_counter", "follow_up_weekly_list",
          "follow_up_item", "follow_up_escalation")),
      Map.entry("response", List.of("alert", "alert_step", "alert_message", "alert_notified", "alert_action", "alert_question")),
      Map.entry("warning", List.of("early_warning")),
      Map.entry("siaga", List.of("siaga_notice")),
      Map.entry("dashboard", List.of("dashboard_session", "dashboard_link")),
      Map.entry("health", List.of("bot_heartbeat")),
      Map.entry("roster", List.of("roster_binding", "roster_invite")),
      Map.entry("audit", List.of("audit_log", "audit_person", "audit_log_refuse_change")),
      Map.entry("privacy", List.of("retention_run", "erasure_request")));

  /**
   * Retention, erasure and a person's own data reach every feature's personal data by design: one package that knows
   * all of it (held to the schema by DataInventoryTest) rather than a hook in each feature that could be forgotten.
   * The reports, which every feature reads through their own package, are asked of it there too (ReportPrivacy).
   */
  static final String CROSS_CUTTING = "/id/rakorbot/privacy/";

  @Test
  void eachTableIsNamedInTheSqlOfItsOwnPackageOnly() throws IOException {
    List<String> strays = new ArrayList<>();
    for (Path file : sources()) {
      String text = Files.readString(file);
      String path = file.toString().replace('\\', '/');
      OWNERS.forEach((owner, tables) -> {
        boolean inOwner = path.contains("/id/rakorbot/" + owner + "/") || path.contains(CROSS_CUTTING) && !owner.equals("report");
        for (String table : tables) {
          if (!inOwner && Pattern.compile("(?i)\\b(FROM|JOIN|INTO|UPDATE)\\s+" + table + "\\b(?!_)").matcher(text).find()) {
            strays.add(path + " names " + table + " (owned by " + owner + ")");
          }
        }
      });
    }
    assertThat(strays).isEmpty();
  }

  @Test
  void everyTableOfTheMigrationsHasAnOwnerOrIsQuartzs() throws IOException {
    List<String> owned = OWNERS.values().stream().flatMap(List::stream).toList();
    List<String> statements;
    try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
      statements = migrations.flatMap(OwnershipTest::lines).map(String::strip).toList();
    }
    List<String> dropped = named(statements, "DROP TABLE");
    List<String> live = named(statements, "CREATE (?:TABLE|VIEW|FUNCTION)").stream()
        .filter(name -> !name.startsWith("qrtz_") && !dropped.contains(name)).distinct().toList();
    assertThat(owned).containsAll(live);
  }

  private static List<String> named(List<String> statements, String verb) {
    Pattern pattern = Pattern.compile("(?i)^" + verb + "\\s+(?:IF EXISTS\\s+)?([a-z_]+)");
    return statements.stream().map(pattern::matcher).filter(java.util.regex.Matcher::find)
        .map(m -> m.group(1).toLowerCase(java.util.Locale.ROOT)).toList();
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources")))) {
      return files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
          .filter(f -> !f.toString().replace('\\', '/').contains("/db/migration/")).toList();
    }
  }
}
