package id.rakorbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.config.CurrentConfig;
import id.rakorbot.storage.Database;
import id.rakorbot.support.ConfigProblems;
import id.rakorbot.support.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * What the daily sweep keeps though it is old: the message of a tally still live and of an alert still open, a report
 * still open or on hold (until released); and what it removes, the audit rows past their retention included, which
 * the database lets go only to the sweep.
 */
class RetentionTest {

  private static final String CONFIG = """
      groups:
        - {id: forkopimda, chat_id: -1001, name: Forkopimda}
      data_protection:
        retention: {messages: 30d, reports: 90d, photos: 30d, audit: 1y}
      """;

  @Test
  void oldRowsGoButThoseStillInUseOrOnHoldStay() {
    try (TestDatabase schema = TestDatabase.create(); Database database = Database.connect(schema.url(), 2)) {
      Jdbi jdbi = database.jdbi();
      Instant now = Instant.now();
      jdbi.useHandle(h -> h.execute("""
          INSERT INTO outbox_message (id, chat_id, method, payload, status, created_at)
          VALUES (1, -1001, 'sendMessage', '{"text": "rekap lama"}', 'sent', now() - interval '60 days'),
                 (2, -1001, 'sendMessage', '{"text": "rekap hidup"}', 'sent', now() - interval '60 days'),
                 (3, -1001, 'sendMessage', '{"text": "peringatan terbuka"}', 'sent', now() - interval '60 days'),
                 (4, -1001, 'sendMessage', '{"text": "kemarin"}', 'sent', now() - interval '1 day'),
                 (5, -1001, 'sendMessage', '{"text": "belum terkirim"}', 'pending', now() - interval '60 days');
          INSERT INTO schedule_occurrence (id, schedule_id, starts_at) VALUES (1, 'rakor', now() + interval '5 days');
          INSERT INTO rsvp_message (outbox_id, occurrence_id, group_id, base_html, live) VALUES (1, 1, 'forkopimda', 'x', false),
                                                                                         (2, 1, 'forkopimda', 'x', true);
          INSERT INTO alert (id, subject, kind, severity, summary, base_html, groups, raised_at)
          VALUES (1, 'LAP-2026-000009', 'report', 'siaga', 'Tawuran, dilaporkan Siti', 'Tawuran, dilaporkan Siti', '{forkopimda}', now());
          INSERT INTO alert_message (outbox_id, alert_id) VALUES (3, 1);
          INSERT INTO report (id, number, reporter_id, reporter_name, chat_id, category, severity, description, status, photo_file_id, created_at, held_at)
          VALUES (1, 'LAP-2026-000001', 7, 'Siti', 7, 'narkoba', 'normal', 'lama, ditutup', 'closed', 'foto1', now() - interval '100 days', NULL),
                 (2, 'LAP-2026-000002', 7, 'Siti', 7, 'narkoba', 'normal', 'lama, terbuka', 'open', 'foto2', now() - interval '100 days', NULL),
                 (3, 'LAP-2026-000003', 7, 'Siti', 7, 'narkoba', 'normal', 'lama, ditahan', 'closed', 'foto3', now() - interval '100 days', now()),
                 (4, 'LAP-2026-000004', 7, 'Siti', 7, 'narkoba', 'normal', 'sebulan lebih', 'closed', 'foto4', now() - interval '40 days', NULL),
                 (5, 'LAP-2026-000005', 7, 'Siti', 7, 'narkoba', 'normal', 'kemarin', 'closed', NULL, now() - interval '1 day', NULL);
          INSERT INTO report_photo (report_id, seq, media_type, width, height, content)
          VALUES (2, 1, 'image/jpeg', 1, 1, '\\xffd8ff'), (4, 1, 'image/jpeg', 1, 1, '\\xffd8ff'), (5, 1, 'image/jpeg', 1, 1, '\\xffd8ff');
          INSERT INTO follow_up (id, number, chat_id, owner_user_id, owner_name, description, due_on, recorded_by, recorded_by_name, recorded_at)
          VALUES (1, 'TL-2026-0001', -1001, 7, 'Siti', 'Kerja bakti', now()::date, 8, 'Dewi', now() - interval '60 days');
          INSERT INTO follow_up_note (id, follow_up_id, kind, text, by_user, by_name, noted_at)
          VALUES (1, 1, 'selesai', 'lama', 7, 'Siti', now() - interval '40 days'), (2, 1, 'progres', 'baru', 7, 'Siti', now() - interval '1 day');
          INSERT INTO follow_up_photo (note_id, media_type, width, height, content)
          VALUES (1, 'image/jpeg', 1, 1, '\\xffd8ff'), (2, 'image/jpeg', 1, 1, '\\xffd8ff');
          INSERT INTO audit_log (at, source, origin, action) VALUES (now() - interval '400 days', 'system', 'uji', 'lama'),
                                                                    (now() - interval '200 days', 'system', 'uji', 'baru')"""));

      var retention = new Retention(jdbi, new CurrentConfig(ConfigProblems.parse("config/rakorbot.yaml", CONFIG)), Clock.fixed(now, ZoneOffset.UTC));
      assertThat(retention.runDue()).get().satisfies(removed -> assertThat(removed).containsEntry("pesan", 1).containsEntry("audit", 1)
          .containsEntry("laporan_dianonimkan", 1));
      assertThat(retention.runDue()).as("once a day").isEmpty();

      assertThat(ids(jdbi, "SELECT id FROM outbox_message ORDER BY id")).containsExactly(2L, 3L, 4L, 5L);
      assertThat(ids(jdbi, "SELECT outbox_id FROM rsvp_message ORDER BY 1")).containsExactly(2L);
      assertThat(texts(jdbi, "SELECT number || '|' || description || '|' || coalesce(photo_file_id, '-') || '|' || reporter_id FROM report ORDER BY id"))
          .containsExactly("LAP-2026-000001||-|0", "LAP-2026-000002|lama, terbuka|foto2|7", "LAP-2026-000003|lama, ditahan|foto3|7",
              "LAP-2026-000004|sebulan lebih|-|7", "LAP-2026-000005|kemarin|-|7");
      assertThat(ids(jdbi, "SELECT report_id FROM report_photo ORDER BY 1")).as("the form's photos: past 30 days gone, the open one kept")
          .containsExactly(2L, 5L);
      assertThat(ids(jdbi, "SELECT note_id FROM follow_up_photo")).as("evidence photos past 30 days gone").containsExactly(2L);
      assertThat(texts(jdbi, "SELECT action FROM audit_log")).containsExactly("baru");

      // Released, the held report goes at the next day's sweep.
      jdbi.useHandle(h -> h.execute("UPDATE report SET held_at = NULL WHERE id = 3"));
      new Retention(jdbi, new CurrentConfig(ConfigProblems.parse("config/rakorbot.yaml", CONFIG)), Clock.fixed(now.plusSeconds(86_400), ZoneOffset.UTC)).runDue();
      assertThat(texts(jdbi, "SELECT description || '|' || reporter_id FROM report WHERE id = 3")).containsExactly("|0");
      // An alert keeps what it quoted while its report is whole.
      assertThat(texts(jdbi, "SELECT summary FROM alert")).containsExactly("Tawuran, dilaporkan Siti");
    }
  }

  private static List<Long> ids(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).list());
  }

  private static List<String> texts(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }
}
