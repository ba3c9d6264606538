package id.rakorbot.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.report.ReportPrivacy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Everything the bot stores about one person, as one JSON file for {@code /data_saya}: each section is a query
 * keyed on their Telegram id only, so the file holds their rows and no one else's (the reports' sections are asked of
 * the report package, which owns those tables).
 */
final class PersonalData {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Section name → the query of its rows (bound {@code :user}); PostgreSQL writes the rows as JSON, times in ISO 8601. */
  static final Map<String, String> SECTIONS = sections();

  private PersonalData() {}

  private static Map<String, String> sections() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("pengikatan_akun", "SELECT person_key AS kunci_roster, via AS cara, bound_at AS waktu FROM roster_binding WHERE user_id = :user");
    s.put("chat_pribadi", "SELECT first_seen AS pertama_kali FROM private_chat WHERE user_id = :user");
    s.put("kehadiran", "SELECT o.schedule_id AS jadwal, o.starts_at AS mulai, a.answer AS jawaban, a.deputy AS wakil, a.reason AS alasan, "
        + "a.answered_at AS waktu FROM rsvp_answer a JOIN schedule_occurrence o ON o.id = a.occurrence_id WHERE a.user_id = :user "
        + "ORDER BY a.answered_at");
    s.put("tindak_lanjut_ditugaskan", "SELECT number AS nomor, description AS arahan, due_on AS tenggat, status, recorded_at AS dicatat, "
        + "done_at AS selesai FROM follow_up WHERE owner_user_id = :user ORDER BY recorded_at");
    s.put("tindak_lanjut_dicatat", "SELECT number AS nomor, description AS arahan, due_on AS tenggat, status, recorded_at AS dicatat "
        + "FROM follow_up WHERE recorded_by = :user ORDER BY recorded_at");
    s.put("catatan_tindak_lanjut", "SELECT f.number AS nomor, n.kind AS jenis, n.text AS catatan, n.photo_file_id IS NOT NULL AS ada_foto, "
        + "EXISTS (SELECT 1 FROM follow_up_photo p WHERE p.note_id = n.id) AS foto_formulir, n.noted_at AS waktu FROM follow_up_note n JOIN follow_up f ON f.id = n.follow_up_id WHERE n.by_user = :user ORDER BY n.noted_at");
    s.put("penanganan_peringatan", "SELECT a.subject AS nomor, x.action AS tindakan, x.note AS catatan, x.at AS waktu FROM alert_action x "
        + "JOIN alert a ON a.id = x.alert_id WHERE x.user_id = :user ORDER BY x.at");
    s.put("langganan_kalender", "SELECT group_id AS grup, created_at AS dibuat, revoked_at AS dicabut FROM calendar_subscription"
        + " WHERE user_id = :user ORDER BY created_at");
    s.put("sesi_dasbor", "SELECT kiosk AS layar, created_at AS dibuka, expires_at AS berakhir FROM dashboard_session WHERE user_id = :user");
    s.put("tautan_dasbor", "SELECT kind AS jenis, created_at AS dibuat, expires_at AS berakhir, used_at AS dipakai, revoked_at AS dicabut "
        + "FROM dashboard_link WHERE user_id = :user");
    s.put("jejak_audit_tindakan_anda", "SELECT l.at AS waktu, l.action AS tindakan, l.subject AS objek, l.origin AS asal, l.details AS keterangan "
        + "FROM audit_log l JOIN audit_person p ON p.ref = l.actor_ref WHERE p.user_id = :user ORDER BY l.at");
    s.put("pesan_telegram_sementara", "SELECT count(*) AS jumlah, min(received_at) AS tertua FROM inbox_update "
        + "WHERE jsonb_path_exists(payload, '$.*.from ? (@.id == $u)', jsonb_build_object('u', :user))");
    return java.util.Collections.unmodifiableMap(s);
  }

  /** The file: who it is about, when it was made, their roster entry, then every section (empty ones too, so nothing looks hidden). */
  static byte[] of(Handle handle, RakorbotConfig config, long userId, Instant now) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id_telegram", userId);
    root.put("dibuat", now.toString());
    root.put("keterangan", "Seluruh data tentang Bapak/Ibu yang disimpan Rakorbot " + config.bot().region()
        + " (UU 27/2022 tentang Pelindungan Data Pribadi). Pesan Telegram sementara hanya dihitung: isinya dihapus otomatis"
        + " sesudah " + config.dataProtection().retention().updates().text() + ".");
    config.official(userId).ifPresentOrElse(o -> root.set("roster", roster(o)), () -> root.putNull("roster"));
    try {
      root.set("pendaftaran_pelapor", JSON.readTree(ReportPrivacy.registrationOfAsJson(handle, userId)));
      root.set("laporan", JSON.readTree(ReportPrivacy.reportsOfAsJson(handle, userId)));
      root.set("koreksi_laporan", JSON.readTree(ReportPrivacy.correctionsOfAsJson(handle, userId)));
      root.set("draf_laporan", JSON.readTree(ReportPrivacy.draftsOfAsJson(handle, userId)));
      for (var section : SECTIONS.entrySet()) {
        String rows = handle.createQuery("SELECT coalesce(json_agg(t), '[]')::text FROM (" + section.getValue() + ") t")
            .bind("user", userId).mapTo(String.class).one();
        root.set(section.getKey(), JSON.readTree(rows));
      }
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode roster(Official o) {
    ObjectNode node = JSON.createObjectNode();
    node.put("nama", o.name());
    node.put("jabatan", o.jabatan());
    node.put("instansi", o.instansi());
    node.put("wilayah", o.wilayah());
    node.put("telepon", o.phone());
    node.put("username", o.username());
    node.put("atasan", o.atasan());
    node.set("peran", JSON.valueToTree(o.roles()));
    node.set("grup", JSON.valueToTree(o.groups()));
    return node;
  }
}
