package id.rakorbot.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/** The audited actions: stable keys (stored, filtered on) and what the "Jejak audit" page calls them. */
public final class Actions {

  public static final String REPORT_CORRECTED = "laporan.koreksi";
  public static final String REPORT_CLOSED = "laporan.tutup";
  public static final String REPORT_HELD = "laporan.tahan";
  public static final String REPORT_RELEASED = "laporan.lepas";
  public static final String REGISTRATION_APPROVED = "pendaftaran.terima";
  public static final String REGISTRATION_REJECTED = "pendaftaran.tolak";
  public static final String ARAHAN_CREATED = "arahan.buat";
  public static final String ARAHAN_REASSIGNED = "arahan.alihkan";
  public static final String ARAHAN_REOPENED = "arahan.buka";
  public static final String ARAHAN_CLOSED = "arahan.selesai";
  public static final String ALERT_TAKEN = "peringatan.tangani";
  public static final String ALERT_HELP = "peringatan.bantuan";
  public static final String ALERT_DONE = "peringatan.selesai";
  public static final String WARNING_CLOSED = "peringatan.tutup";
  public static final String CONFIG_RELOADED = "konfigurasi.muat";
  public static final String DASHBOARD_LOGIN = "dasbor.masuk";
  public static final String DASHBOARD_VIEW = "dasbor.lihat";
  public static final String DASHBOARD_DOWNLOAD = "dasbor.unduh";
  public static final String KIOSK_LINK = "dasbor.kiosk";
  public static final String CALENDAR_FEED = "kalender.langganan";
  public static final String CALENDAR_REVOKED = "kalender.cabut";
  public static final String DATA_EXPORTED = "data.ekspor";
  public static final String DATA_ERASED = "data.hapus";
  public static final String BACKUP_MADE = "cadangan.buat";
  public static final String BACKUP_RESTORED = "cadangan.pulihkan";

  public static final Map<String, String> LABELS = labels();

  private Actions() {}

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(REPORT_CORRECTED, "Koreksi laporan");
    labels.put(REPORT_CLOSED, "Laporan ditutup");
    labels.put(REPORT_HELD, "Laporan ditahan");
    labels.put(REPORT_RELEASED, "Penahanan dilepas");
    labels.put(REGISTRATION_APPROVED, "Pendaftaran diterima");
    labels.put(REGISTRATION_REJECTED, "Pendaftaran ditolak");
    labels.put(ARAHAN_CREATED, "Arahan dicatat");
    labels.put(ARAHAN_REASSIGNED, "Arahan dialihkan");
    labels.put(ARAHAN_REOPENED, "Arahan dibuka lagi");
    labels.put(ARAHAN_CLOSED, "Arahan selesai");
    labels.put(ALERT_TAKEN, "Peringatan ditangani");
    labels.put(ALERT_HELP, "Minta bantuan");
    labels.put(ALERT_DONE, "Peringatan selesai");
    labels.put(WARNING_CLOSED, "Peringatan dini ditutup");
    labels.put(CONFIG_RELOADED, "Konfigurasi dimuat ulang");
    labels.put(DASHBOARD_LOGIN, "Masuk dasbor");
    labels.put(DASHBOARD_VIEW, "Lihat data laporan");
    labels.put(DASHBOARD_DOWNLOAD, "Unduh CSV/PDF");
    labels.put(KIOSK_LINK, "Tautan kios");
    labels.put(CALENDAR_FEED, "Alamat kalender dibuat");
    labels.put(CALENDAR_REVOKED, "Alamat kalender dicabut");
    labels.put(DATA_EXPORTED, "Data pribadi diekspor");
    labels.put(DATA_ERASED, "Data pribadi dihapus");
    labels.put(BACKUP_MADE, "Cadangan dibuat");
    labels.put(BACKUP_RESTORED, "Cadangan dipulihkan");
    return java.util.Collections.unmodifiableMap(labels);
  }

  public static String label(String action) {
    return LABELS.getOrDefault(action, action);
  }
}
