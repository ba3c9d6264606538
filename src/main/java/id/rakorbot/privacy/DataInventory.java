package id.rakorbot.privacy;

import id.rakorbot.config.DataProtection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The register a data protection officer keeps (UU PDP Pasal 31): every table holding personal data, with its personal
 * fields, how many rows, the oldest, and how long it is kept. {@code data-inventory} prints it; a test holds it to
 * the schema, so a new table with personal data cannot be left out.
 */
public final class DataInventory {

  /** A table of personal data: its personal fields, the column that dates a row, and its retention in words. */
  public record Entry(String table, String fields, String dated, Function<DataProtection.Retention, String> retention, String purpose) {}

  /** A row of the printed register. */
  public record Line(String table, String fields, long rows, Optional<Instant> oldest, String retention, String purpose) {}

  public static final List<Entry> ENTRIES = List.of(
      new Entry("inbox_update", "seluruh pembaruan Telegram (nama, ID, teks, kontak, lokasi, foto)", "received_at",
          r -> r.updates().text() + " sesudah diproses", "tidak ada yang hilang atau diproses dua kali"),
      new Entry("inbox_set_aside", "pembaruan yang gagal diproses (isi sama)", "set_aside_at", r -> r.messages().text(), "pemeriksaan kesalahan"),
      new Entry("outbox_message", "pesan keluar (nama, teks, ID penerima)", "created_at", r -> r.messages().text() + " sesudah terkirim",
          "tidak ada pesan yang hilang atau terkirim dua kali"),
      new Entry("report", "ID dan nama pelapor, uraian, foto, lokasi", "created_at",
          r -> r.reports().text() + " (foto " + r.photos().text() + "); lalu dianonimkan", "laporan kamtibmas"),
      new Entry("report_photo", "foto dari formulir Mini App", null, r -> r.photos().text() + ", atau bersama laporannya",
          "laporan kamtibmas"),
      new Entry("report_correction", "koreksi uraian", "corrected_at", r -> "bersama laporannya", "laporan kamtibmas"),
      new Entry("report_draft", "draf /lapor (uraian, foto, lokasi)", "updated_at", r -> "30 menit", "laporan bertahap"),
      new Entry("report_flood", "ID pelapor, jumlah laporan per jendela", "window_start", r -> "1 hari", "batas banjir laporan"),
      new Entry("reporter", "nama, jabatan, wilayah, ID Telegram", "requested_at", r -> "sampai dihapus", "pendaftaran pelapor"),
      new Entry("roster_binding", "ID Telegram dan kunci roster", "bound_at", r -> "selama di roster", "mengenali anggota"),
      new Entry("roster_invite", "kunci roster, ID pemakai", "created_at", r -> r.sessions().text() + " sesudah berakhir", "undangan"),
      new Entry("private_chat", "ID Telegram", "first_seen", r -> "sampai dihapus", "tahu siapa dapat dikirimi pesan pribadi"),
      new Entry("rsvp_answer", "ID, jawaban, nama wakil, alasan", "answered_at", r -> "sampai dihapus", "kehadiran rapat"),
      new Entry("rsvp_deputy_question", "ID yang ditanya", null, r -> "bersama pesannya", "menanyakan nama wakil"),
      new Entry("rsvp_message", "rekap kehadiran (nama peserta)", null, r -> "bersama pesannya", "rekap kehadiran di grup"),
      new Entry("follow_up", "pemilik, pencatat, uraian arahan", "recorded_at", r -> "sampai dihapus", "tindak lanjut rapat"),
      new Entry("follow_up_note", "nama, catatan, foto bukti", "noted_at", r -> "foto " + r.photos().text(), "tindak lanjut rapat"),
      new Entry("follow_up_photo", "foto bukti dari formulir Mini App", null, r -> r.photos().text(), "tindak lanjut rapat"),
      new Entry("alert", "pelapor, penangan, ringkasan", "raised_at", r -> "ringkasan bersama laporannya", "penanganan peringatan"),
      new Entry("alert_action", "ID dan catatan penangan", "at", r -> "sampai dihapus", "penanganan peringatan"),
      new Entry("alert_notified", "ID yang diberi tahu", null, r -> "sampai dihapus", "tangga eskalasi"),
      new Entry("alert_question", "ID yang ditanya", null, r -> "bersama pesannya", "menanyakan hasil penanganan"),
      new Entry("early_warning", "ID penutup dan catatan", "fired_at", r -> "sampai dihapus", "peringatan dini"),
      new Entry("calendar_subscription", "ID pemilik alamat kalender", "created_at", r -> "sampai dicabut atau dihapus",
          "kalender forum di ponsel"),
      new Entry("dashboard_link", "ID pemilik tautan", "created_at", r -> r.sessions().text() + " sesudah berakhir", "masuk dasbor"),
      new Entry("dashboard_session", "ID pemilik sesi", "created_at", r -> r.sessions().text() + " sesudah berakhir", "masuk dasbor"),
      new Entry("erasure_request", "ID yang akan dihapus", "created_at", r -> "1 hari", "konfirmasi penghapusan"),
      new Entry("audit_person", "ID dan nama yang disebut jejak audit", null, r -> "dikosongkan saat dihapus", "akuntabilitas"),
      new Entry("audit_log", "tindakan, asal, keterangan", "at", r -> r.audit().text(), "akuntabilitas"));

  /** Tables without personal data: counters, schedules, sums, settings, the scheduler's own. */
  public static final Set<String> NOT_PERSONAL = Set.of("telegram_group", "bot_heartbeat", "schedule_occurrence", "report_day_done",
      "report_day_category", "report_day_area", "follow_up_counter", "follow_up_weekly_list", "follow_up_escalation", "alert_step",
      "alert_message", "siaga_notice", "retention_run", "flyway_schema_history", "calendar_event");

  private DataInventory() {}

  public static List<Line> read(Jdbi jdbi, DataProtection.Retention retention) {
    return jdbi.withHandle(h -> {
      List<Line> lines = new ArrayList<>();
      for (Entry e : ENTRIES) {
        long rows = h.createQuery("SELECT count(*) FROM " + e.table()).mapTo(Long.class).one();
        Optional<Instant> oldest = e.dated() == null ? Optional.empty()
            : h.createQuery("SELECT min(" + e.dated() + ") FROM " + e.table()).mapTo(Instant.class).findOne();
        lines.add(new Line(e.table(), e.fields(), rows, oldest, e.retention().apply(retention), e.purpose()));
      }
      return lines;
    });
  }
}
