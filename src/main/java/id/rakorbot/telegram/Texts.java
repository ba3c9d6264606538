package id.rakorbot.telegram;

import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
import java.util.List;
import java.util.stream.Collectors;

/** What the bot says about itself, its groups and its commands (Bahasa Indonesia, HTML). */
final class Texts {

  private Texts() {}

  /** Above an answer sent privately because the group could not show it to the asker alone. */
  static String answerFromGroup(String command, GroupConfig group) {
    return "<i>Jawaban " + command + " Anda di grup " + escape(group.name()) + ":</i>\n\n";
  }

  static String answerFor(long userId, String firstName) {
    return "Untuk <a href=\"tg://user?id=" + userId + "\">" + escape(firstName == null ? "Anda" : firstName) + "</a>:\n";
  }

  static String leavesTheGroupIn(java.time.Duration after) {
    return "\n\n<i>Pesan ini terhapus otomatis dalam " + after.toMinutes() + " menit. Buka chat pribadi dengan bot agar jawaban"
        + " berikutnya sampai ke sana.</i>";
  }

  static String formButtonHint() {
    return "Laporan dapat diisi lewat tombol <b>" + FormKeyboard.LABEL + "</b> di bawah: kategori, tingkat, foto dan lokasi dalam satu"
        + " formulir, tetap tersimpan bila sinyal hilang.";
  }

  static String welcomeOfficial(Official official, List<GroupConfig> groups) {
    String where = official.wilayah() == null ? "" : ", wilayah " + escape(official.wilayah());
    String groupNames = groups.isEmpty() ? "belum ada" : groups.stream().map(g -> escape(g.name())).collect(Collectors.joining(", "));
    return "Selamat datang, Bapak/Ibu <b>" + escape(official.name()) + "</b>.\n"
        + "Anda terdaftar sebagai " + escape(orDash(official.jabatan())) + where + ".\n"
        + "Peran: " + (official.roles().isEmpty() ? "-" : String.join(", ", official.roles())) + ".\n"
        + "Grup: " + groupNames + ".\n\n"
        + "Ketik /bantuan untuk melihat perintah yang tersedia.";
  }

  static String welcomeStranger(long userId) {
    return "Selamat datang di Rakorbot, asisten rapat koordinasi dan laporan kamtibmas.\n\n"
        + "Bapak/Ibu belum terdaftar. Sampaikan user id Telegram Anda, <code>" + userId + "</code>, beserta nama,"
        + " jabatan dan wilayah kepada admin Bakesbangpol agar didaftarkan.\n"
        + "Camat, lurah, Bhabinkamtibmas dan Babinsa yang akan mengirim laporan dapat mendaftar langsung:"
        + " <code>/daftar Nama | Jabatan | Wilayah</code>.";
  }

  static String groupActive(GroupConfig group) {
    String region = group.region() == null ? "" : " (" + escape(group.region()) + ")";
    return "Rakorbot aktif di grup <b>" + escape(group.name()) + "</b>" + region + ".\n"
        + "Di sini saya mengirim pengingat rapat dan rekap mingguan. Ketik /bantuan untuk daftar perintah.";
  }

  static String help(List<Command> commands) {
    return "<b>Perintah Rakorbot</b>\n"
        + commands.stream().map(c -> "/" + c.name() + " — " + escape(c.description())).collect(Collectors.joining("\n"));
  }

  /** The guides under /bantuan: links when the dashboard has a public address, else where the files are. */
  static String guides(java.util.Optional<String> users, java.util.Optional<String> admins) {
    if (users.isEmpty()) {
      return "📖 Panduan pengguna dan panduan admin dalam Bahasa Indonesia ada di paket Rakorbot"
          + " (<code>docs/panduan-pengguna.md</code>, <code>docs/panduan-admin.md</code>); mintalah kepada admin Bakesbangpol.";
    }
    return "📖 <a href=\"" + Html.attribute(users.get()) + "\">Panduan pengguna</a>"
        + admins.map(a -> " · <a href=\"" + Html.attribute(a) + "\">Panduan admin</a>").orElse("");
  }

  static String unknownCommand(String name) {
    return "Perintah /" + escape(name) + " tidak dikenal. Ketik /bantuan untuk melihat perintah yang tersedia.";
  }

  static String thanksForAdding(GroupConfig group) {
    return "Terima kasih, Rakorbot telah ditambahkan ke <b>" + escape(group.name()) + "</b>. "
        + "Pengingat rapat dan rekap akan dikirim ke grup ini. Ketik /bantuan untuk daftar perintah.";
  }

  static String undeclaredGroup(long chatId, boolean leaving) {
    return "Mohon maaf, grup ini belum terdaftar di konfigurasi Rakorbot.\n"
        + "Admin Bakesbangpol dapat menambahkannya di <code>config/rakorbot.yaml</code> bagian <code>groups</code>"
        + " dengan <code>chat_id: " + chatId + "</code>"
        + (leaving ? ", lalu menambahkan bot ini kembali. Untuk sementara saya keluar dari grup." : ".");
  }

  static String adminUndeclaredGroup(String title, long chatId) {
    return "Rakorbot ditambahkan ke grup yang belum terdaftar: <b>" + escape(orDash(title)) + "</b>"
        + " (chat id <code>" + chatId + "</code>). Tambahkan grup ini di bagian <code>groups</code> bila memang perlu.";
  }

  static String editIgnored() {
    return "Perubahan pesan tidak mengubah apa pun yang sudah tercatat. Untuk memperbaiki laporan, gunakan"
        + " /koreksi nomor-laporan teks-baru (dalam 24 jam).";
  }

  static String whichGroup() {
    return "Terima kasih, Rakorbot telah ditambahkan. <b>Grup apakah ini?</b>\n"
        + "Admin Rakorbot, mohon pilih nama grup di bawah. Tombol hanya berlaku bagi admin.";
  }

  static String onlyAdminBinds() {
    return "Hanya admin Rakorbot (Bakesbangpol) yang dapat memilih grup ini.";
  }

  static String alreadyBoundHere(GroupConfig group) {
    return "Grup ini sudah ditautkan sebagai " + group.name() + ".";
  }

  static String boundElsewhere(GroupConfig group) {
    return group.name() + " sudah ditautkan ke grup Telegram lain. Bila grup itu diganti, hapus tautannya dulu dengan"
        + " mengeluarkan bot dari grup lama, atau tulis chat_id grup ini di konfigurasi.";
  }

  static String groupBound(GroupConfig group, String admin, List<String> schedules) {
    return "✅ Grup ini ditautkan sebagai <b>" + escape(group.name()) + "</b> oleh " + escape(admin) + ".\n"
        + (schedules.isEmpty() ? "Rekap dan pemberitahuan untuk grup ini akan dikirim ke sini."
            : "Pengingat " + escape(String.join(", ", schedules)) + " akan dikirim ke sini.")
        + " Ketik /bantuan untuk daftar perintah.";
  }

  static String notAddedByAdmin(boolean leaving) {
    return "Mohon maaf, Rakorbot hanya dapat ditambahkan ke grup oleh admin Bakesbangpol yang terdaftar."
        + (leaving ? " Untuk sementara saya keluar dari grup. Mohon minta admin menambahkan bot ini." : "");
  }

  static String staleButton() {
    return "Tombol ini sudah tidak berlaku.";
  }

  static String sorry() {
    return "Mohon maaf, terjadi kesalahan saat memproses pesan Bapak/Ibu. Kesalahan ini sudah kami catat;"
        + " silakan coba lagi beberapa saat lagi.";
  }

  static String tooManyCommands() {
    return "Mohon maaf, terlalu banyak perintah dalam waktu singkat. Perintah berikutnya tidak kami jawab sampai"
        + " jawaban sebelumnya terkirim; silakan tunggu sebentar lalu coba lagi.";
  }

  private static String orDash(String text) {
    return text == null || text.isBlank() ? "-" : text;
  }
}
