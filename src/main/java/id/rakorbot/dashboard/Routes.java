package id.rakorbot.dashboard;

import java.util.Set;

/** The dashboard's paths, all under {@code /dasbor}. */
final class Routes {

  static final String BASE = "/dasbor";
  static final String LOGIN = BASE + "/masuk";
  static final String LOGOUT = BASE + "/keluar";
  static final String ASSETS = BASE + "/aset/";
  static final String RINGKASAN = BASE + "/ringkasan";
  static final String PETA = BASE + "/peta";
  static final String PETA_DATA = BASE + "/peta/titik.json";
  static final String LAPORAN = BASE + "/laporan";
  static final String LAPORAN_CSV = BASE + "/laporan.csv";
  static final String REKAP_PDF = BASE + "/rekap.pdf";
  static final String FORUM = BASE + "/forum";
  static final String TINDAK_LANJUT = BASE + "/tindak-lanjut";
  static final String LAYAR = BASE + "/layar";
  static final String LAYAR_ISI = BASE + "/layar/isi";
  static final String JEJAK_AUDIT = BASE + "/jejak-audit";
  static final String JEJAK_AUDIT_CSV = BASE + "/jejak-audit.csv";
  static final String GRAFIK = BASE + "/grafik.png";
  /** Asked for by every browser at the root, whatever the page says. */
  static final String FAVICON = "/favicon.ico";

  /** What a wall screen's session may open: the Layar page and its refreshed content. */
  static final Set<String> KIOSK = Set.of(LAYAR, LAYAR_ISI);

  private Routes() {}
}
