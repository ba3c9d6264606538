package id.rakorbot.report;

import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.config.ReportsConfig.Category;
import id.rakorbot.schedule.IndonesianTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the reporting feature says (Bahasa Indonesia, HTML). */
final class ReportTexts {

  static final String FORMAT = "/lapor kategori [tingkat] uraian [#wilayah]";
  static final String EXAMPLE = "/lapor tawuran siaga Potensi tawuran pelajar di Jl. Soekarno-Hatta malam Minggu";

  private static final int EXCERPT = 60;

  private ReportTexts() {}

  static String unknownCategory(String word, Categories categories) {
    return "Kategori '" + escape(word) + "' tidak dikenal."
        + categories.suggest(word).map(s -> " Maksud Anda: <b>" + escape(s) + "</b>?").orElse("")
        + "\nKategori: " + categories.all().stream()
            .map(c -> escape(Categories.typed(c)) + " (" + escape(c.label()) + ")").collect(Collectors.joining(", "))
        + ".\nFormat: " + FORMAT;
  }

  static String descriptionMissing(Category category) {
    return "Uraian laporan " + escape(category.label()) + " belum diisi. Contoh:\n" + EXAMPLE
        + "\nAtau ketik /lapor saja untuk diarahkan langkah demi langkah.";
  }

  static String tooLong(int length) {
    return "Uraian terlalu panjang (" + String.format("%,d", length).replace(',', '.') + " karakter; batas "
        + "2.000). Mohon ringkas, lalu kirim lagi. Rincian dapat dikirim sebagai laporan berikutnya.";
  }

  static String unknownArea(String tag, Optional<String> suggestion) {
    return "Wilayah '#" + escape(tag) + "' tidak dikenal." + suggestion.map(s -> " Maksud Anda: <b>" + escape(s) + "</b>?").orElse("")
        + " Tanpa tanda #, wilayah diambil dari data Bapak/Ibu di roster.";
  }

  static String notRegistered(long userId) {
    return "Bapak/Ibu belum terdaftar sebagai pelapor, jadi laporan belum dapat dicatat.\n"
        + "Daftar lewat chat pribadi dengan bot: <code>/daftar Nama | Jabatan | Wilayah</code>, misalnya\n"
        + "<code>/daftar Siti Aminah | Lurah Kauman | Kauman</code>\n(user id Anda: " + userId + ").";
  }

  static String flood(int max, int minutes) {
    return "Bapak/Ibu sudah mengirim " + max + " laporan dalam " + minutes + " menit terakhir. Mohon tunggu sebentar,"
        + " lalu kirim lagi; laporan mendesak dapat disampaikan langsung lewat telepon.";
  }

  static String noArea() {
    return "Wilayah Bapak/Ibu belum tercatat. Tambahkan tanda wilayah, misalnya: /lapor nihil #klojen";
  }

  static String recorded(ReportService.Submitted submitted, Category category, ZoneId zone) {
    return recorded(submitted, category, zone, "", "Untuk koreksi dalam 24 jam: <code>/koreksi " + submitted.report().number()
        + " teks baru</code>. Lokasi dapat ditambahkan dengan membagikan lokasi Telegram sesudah ini.");
  }

  /** The reply to a report from the form: with the incident time, its photos, and where to correct it. */
  static String recordedFromForm(ReportService.Submitted submitted, Category category, ZoneId zone, int photos,
      Optional<java.time.Instant> occurredAt) {
    String details = occurredAt.map(at -> "\nWaktu kejadian: " + IndonesianTime.dateTime(at.atZone(zone))).orElse("")
        + (photos > 0 ? "\nFoto: " + photos + " terlampir." : "");
    return recorded(submitted, category, zone, details, "Koreksi dalam 24 jam: di tab Laporanku pada formulir, atau <code>/koreksi "
        + submitted.report().number() + " teks baru</code>.");
  }

  private static String recorded(ReportService.Submitted submitted, Category category, ZoneId zone, String details, String closing) {
    Report report = submitted.report();
    StringBuilder out = new StringBuilder("✅ Laporan <b>" + report.number() + "</b> tercatat.\n");
    if (report.nihil()) {
      out.append("Nihil (tidak ada kejadian) untuk wilayah ").append(escape(report.area().orElse("-"))).append(", ")
          .append(IndonesianTime.dayAndDate(report.createdAt().atZone(zone).toLocalDate())).append('.');
      return out.toString();
    }
    out.append("Kategori: ").append(escape(category.label())).append(" (").append(report.severity().label().toLowerCase()).append(")\n")
        .append("Wilayah: ").append(escape(report.area().orElse("-"))).append('\n')
        .append("Uraian: ").append(escape(report.description()));
    report.photo().ifPresent(p -> out.append("\nFoto terlampir."));
    out.append(details);
    if (!submitted.supersededNihil().isEmpty()) {
      out.append("\n\nLaporan nihil hari ini untuk wilayah ").append(escape(report.area().orElse("-"))).append(" (")
          .append(String.join(", ", submitted.supersededNihil())).append(") tidak berlaku lagi karena ada kejadian ini.");
    }
    out.append("\n\n").append(closing);
    return out.toString();
  }

  static String approved(boolean withForm) {
    return "✅ Pendaftaran Bapak/Ibu sebagai pelapor <b>disetujui</b>. Kirim laporan dengan /lapor, misalnya:\n" + EXAMPLE
        + (withForm ? "\n\nAtau isi formulir lewat tombol <b>" + id.rakorbot.telegram.FormKeyboard.LABEL + "</b> di bawah." : "");
  }

  static String nihilAlready(Report report) {
    return "Laporan nihil hari ini untuk wilayah " + escape(report.area().orElse("-")) + " sudah tercatat (" + report.number() + ").";
  }

  static String posted(Report report, Category category, String jabatan) {
    return "📝 <b>Laporan " + report.number() + "</b> — " + escape(category.label()) + " (" + report.severity().label().toLowerCase() + ")\n"
        + "Wilayah: " + escape(report.area().orElse("-")) + "\n"
        + "Pelapor: " + escape(report.reporterName()) + (jabatan.isBlank() ? "" : ", " + escape(jabatan)) + "\n"
        + escape(report.description());
  }

  /** One line of a merged message of report copies. */
  static String copyLine(Report report, Category category) {
    return report.number() + " · " + escape(category.label()) + " · " + escape(report.area().orElse("-"))
        + (report.severity() == Severity.NORMAL ? "" : " (" + report.severity().label().toLowerCase() + ")");
  }

  /** Many copies waiting for the leadership group become one message, kept under Telegram's 4,096 characters. */
  static String copies(List<String> lines) {
    StringBuilder text = new StringBuilder("📥 <b>" + lines.size() + " laporan baru</b> dari pesan pribadi"
        + " (digabung agar grup tidak kebanjiran pesan; rinciannya ada di rekap mingguan):\n");
    int shown = 0;
    for (String line : lines) {
      if (text.length() + line.length() > 3_800) {
        break;
      }
      text.append("• ").append(line).append('\n');
      shown++;
    }
    if (shown < lines.size()) {
      text.append("… dan ").append(lines.size() - shown).append(" laporan lainnya.");
    }
    return text.toString().strip();
  }

  static String alert(Report report, Category category, String jabatan) {
    return report.severity().icon() + " <b>" + report.severity().label().toUpperCase() + ": " + escape(category.label()) + "</b>"
        + " — wilayah " + escape(report.area().orElse("-")) + "\n"
        + escape(report.description()) + "\n"
        + "Pelapor: " + escape(report.reporterName()) + (jabatan.isBlank() ? "" : ", " + escape(jabatan)) + " (" + report.number() + ")";
  }

  static String located(Report report) {
    return "📍 Lokasi ditambahkan ke laporan " + report.number() + ".";
  }

  /** One entry per report, told apart at a glance: number, local time, what, where, a few words, status. */
  /** The reporter's recent reports; {@code handling} says, for an alert, who handles it or how it ended. */
  static String mine(List<Report> reports, ZoneId zone, Categories categories, java.util.Map<String, String> handling) {
    if (reports.isEmpty()) {
      return "Belum ada laporan dari Bapak/Ibu. Format: " + FORMAT;
    }
    return "<b>Laporan terakhir Bapak/Ibu</b>\n" + reports.stream()
        .map(r -> {
          var at = r.createdAt().atZone(zone);
          String what = r.nihil() ? "Nihil" : escape(categories.label(r.category())) + " · " + r.severity().label();
          return "• <b>" + r.number() + "</b> — " + IndonesianTime.date(at.toLocalDate()) + " " + IndonesianTime.clock(at)
              + " " + IndonesianTime.zone(zone) + "\n  " + what + " · " + escape(r.area().orElse("tanpa wilayah"))
              + (r.nihil() ? "" : "\n  “" + escape(excerpt(r.description())) + "”")
              + "\n  " + (r.status().equals("open") ? "⏳ " : "✔️ ") + ReportStatus.label(r.status())
              + (handling.containsKey(r.number()) ? "\n  " + escape(handling.get(r.number())) : "");
        })
        .collect(Collectors.joining("\n"));
  }

  private static String excerpt(String text) {
    int[] letters = text.strip().replaceAll("\\s+", " ").codePoints().toArray(); // never cut an emoji in half
    return letters.length <= EXCERPT ? new String(letters, 0, letters.length) : new String(letters, 0, EXCERPT).strip() + "…";
  }

  static String correctionUsage() {
    return "Format: <code>/koreksi LAP-2026-000123 teks yang benar</code>. Nomor laporan ada di balasan bot dan di /laporanku.";
  }

  static String unknownReport(String number) {
    return "Laporan " + escape(number) + " tidak ditemukan. Lihat nomor laporan Anda di /laporanku.";
  }

  static String notYours(String number) {
    return "Laporan " + escape(number) + " bukan laporan Bapak/Ibu; hanya pelapor yang dapat mengoreksinya.";
  }

  static String tooLate(String number) {
    return "Batas koreksi laporan " + escape(number) + " (24 jam) sudah lewat. Kirim laporan baru bila ada perkembangan.";
  }

  static String corrected(String number) {
    return "✏️ Koreksi laporan " + number + " tercatat. Isi asli tetap disimpan dan keduanya terlihat oleh admin.";
  }

  static String correctedForAdmins(Report report, String correction) {
    return "✏️ <b>Koreksi " + report.number() + "</b> oleh " + escape(report.reporterName()) + "\nAsli: "
        + escape(report.description()) + "\nKoreksi: " + escape(correction);
  }

  static String closeUsage() {
    return "Format: <code>/tutup LAP-2026-000123 catatan tindak lanjut</code> (khusus admin).";
  }

  static String closed(Report report) {
    return "✔️ Laporan " + report.number() + " ditandai selesai ditangani.";
  }

  static String alreadyClosed(Report report) {
    return "Laporan " + report.number() + " sudah ditutup sebelumnya.";
  }

  static String adminsOnly() {
    return "Perintah ini khusus untuk admin Bakesbangpol.";
  }

  // The guided report, step by step.

  static String guidedCategory() {
    return "📝 <b>Laporan baru</b> — langkah 1 dari 4: pilih kategori.";
  }

  static String guidedSeverity(String categoryLabelHtml) {
    return "Langkah 2 dari 4: tingkat kejadian <b>" + categoryLabelHtml + "</b>?";
  }

  static String guidedDescription() {
    return "Langkah 3 dari 4: <b>balas pesan ini</b> dengan uraian kejadian (apa, di mana, kapan; paling banyak 2.000 karakter).";
  }

  static String guidedExtras() {
    return "Langkah 4 dari 4: kirim <b>foto</b> dan/atau <b>lokasi</b> Telegram bila ada, lalu tekan <b>Kirim</b>.";
  }

  static String guidedPhoto() {
    return "📷 Foto diterima. Tekan <b>Kirim</b> bila sudah lengkap.";
  }

  static String guidedLocation() {
    return "📍 Lokasi diterima. Tekan <b>Kirim</b> bila sudah lengkap.";
  }

  static String guidedNone() {
    return "Tidak ada laporan yang sedang Bapak/Ibu isi di sini. Ketik /lapor untuk memulai.";
  }

  static String guidedCancelled() {
    return "Laporan dibatalkan; tidak ada yang disimpan.";
  }

  static String guidedStepPassed() {
    return "Langkah ini sudah lewat. Lanjutkan dari pesan terakhir.";
  }

  static String guidedCategoryGone() {
    return "Kategori ini sudah tidak ada. Ketik /lapor untuk memulai lagi.";
  }

  static String guidedExpired() {
    return "⌛ Laporan yang belum selesai dibatalkan karena 30 menit tanpa tanggapan; tidak ada yang disimpan."
        + " Ketik /lapor untuk memulai lagi.";
  }
}
