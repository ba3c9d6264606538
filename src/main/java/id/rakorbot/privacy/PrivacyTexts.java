package id.rakorbot.privacy;

import id.rakorbot.config.DataProtection;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.telegram.Html;
import java.util.Map;
import java.util.stream.Collectors;

/** What the privacy commands say, in Bahasa Indonesia. */
final class PrivacyTexts {

  private PrivacyTexts() {}

  /** /privasi: what is stored, why, how long, who answers for it, and how to ask for a copy or erasure. */
  static String privacy(RakorbotConfig config) {
    DataProtection protection = config.dataProtection();
    DataProtection.Retention r = protection.retention();
    String region = config.bot().region() == null || config.bot().region().isBlank() ? "pemerintah daerah" : Html.escape(config.bot().region());
    String officer = protection.officer().named()
        ? Html.escape(protection.officer().name()) + (protection.officer().contact().isEmpty() ? "" : " (" + Html.escape(protection.officer().contact()) + ")")
        : "admin Bakesbangpol (pejabat pelindungan data pribadi belum ditulis di konfigurasi)";
    return "🔐 <b>Pelindungan data pribadi</b> (UU 27/2022)\n\n"
        + "<b>Yang disimpan tentang Bapak/Ibu:</b>\n"
        + "• nama, jabatan, wilayah, nomor telepon dan ID Telegram dari roster " + region + ";\n"
        + "• jawaban kehadiran rapat;\n"
        + "• laporan /lapor: uraian, foto, lokasi, waktu;\n"
        + "• tindak lanjut (arahan) dan penanganan peringatan;\n"
        + "• sesi dasbor, dan pesan Telegram sementara agar tidak ada yang hilang atau terkirim dua kali.\n\n"
        + "<b>Untuk apa:</b> menjalankan tugas pemerintahan — koordinasi Forkopimda dan penanganan kamtibmas "
        + "(dasar pemrosesan: pelaksanaan tugas untuk kepentingan umum, Pasal 20 ayat (2) huruf e).\n\n"
        + "<b>Berapa lama:</b>\n"
        + "• pesan masuk dari Telegram: " + span(r.updates().text()) + "; pesan keluar: " + span(r.messages().text()) + ";\n"
        + "• pelapor, uraian dan lokasi laporan: " + span(r.reports().text()) + " (sesudah itu hanya kategori, wilayah, tingkat dan "
        + "waktunya yang tersisa untuk statistik); foto: " + span(r.photos().text()) + ";\n"
        + "• sesi dasbor: " + span(r.sessions().text()) + " sesudah berakhir; jejak audit: " + span(r.audit().text()) + ".\n"
        + "Laporan yang masih terbuka, atau ditahan untuk keperluan hukum, disimpan sampai ditutup atau dilepas.\n\n"
        + "<b>Pejabat pelindungan data:</b> " + officer + ".\n\n"
        + "<b>Hak Bapak/Ibu:</b>\n"
        + "• /data_saya — salinan seluruh data tentang Bapak/Ibu (berkas JSON);\n"
        + "• penghapusan: hubungi pejabat di atas atau admin; admin menghapus dengan /hapus_data dan Bapak/Ibu diberi tahu.\n"
        + "Catatan: Telegram menyimpan pesan di server di luar negeri (lihat panduan pelindungan data).";
  }

  /** "7d" → "7 hari". */
  static String span(String text) {
    var m = java.util.regex.Pattern.compile("(\\d+)\\s*([mhdy])").matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      return Html.escape(text);
    }
    return m.group(1) + " " + switch (m.group(2)) {
      case "m" -> "menit";
      case "h" -> "jam";
      case "d" -> "hari";
      default -> "tahun";
    };
  }

  static String exportCaption() {
    return "📄 Data Bapak/Ibu yang disimpan Rakorbot (UU 27/2022). Berkas ini bersifat pribadi; jangan diteruskan.";
  }

  static String privateOnly(String command) {
    return "Perintah /" + command + " bersifat pribadi. Kirim lewat chat pribadi dengan bot, bukan di grup.";
  }

  static String eraseUsage() {
    return "Format (khusus admin, lewat chat pribadi): <code>/hapus_data 123456789</code> (ID Telegram orangnya).\n"
        + "ID terlihat di /anggota atau di berkas roster.";
  }

  static String erasePreview(long userId, String who, Map<String, Integer> counts) {
    String lines = counts.entrySet().stream().map(e -> "• " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
    return "⚠️ <b>Hapus data pribadi</b> " + Html.escape(who) + " (ID " + userId + ")?\n" + lines + "\n"
        + "• dan nama, ID serta nomor teleponnya di semua pesan yang tersimpan.\n\n"
        + "Statistik tetap (kategori, wilayah, waktu laporan; jumlah kehadiran). Tindakan ini <b>tidak dapat dibatalkan</b>. "
        + "Tombol berlaku 24 jam.";
  }

  static String erased(Erasure.Result result) {
    return "✅ Data pribadi dihapus (" + Html.escape(result.summary()) + "). Tercatat di jejak audit sebagai orang terhapus #"
        + -result.pseudonym() + "."
        + (result.heldReports() > 0 ? "\n🔒 " + result.heldReports() + " laporan sedang ditahan (legal hold) dan disimpan utuh sampai dilepas." : "")
        + (result.stillOnRoster() ? "\n⚠️ Orang ini masih ada di roster konfigurasi: hapus barisnya dari berkas, atau bot akan mengenalnya lagi." : "");
  }

  static String erasedNotice(RakorbotConfig config) {
    return "Data pribadi Bapak/Ibu di Rakorbot telah dihapus atas permintaan, sesuai UU 27/2022 tentang Pelindungan Data Pribadi. "
        + "Statistik tanpa identitas tetap disimpan. Pertanyaan: " + (config.dataProtection().officer().named()
            ? Html.escape(config.dataProtection().officer().name() + " " + config.dataProtection().officer().contact()).strip()
            : "admin Bakesbangpol") + ".";
  }
}
