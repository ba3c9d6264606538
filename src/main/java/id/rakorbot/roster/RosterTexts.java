package id.rakorbot.roster;

import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.config.GroupConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.PhoneNumbers;
import java.util.List;
import java.util.Map;

/** What the bot says while binding accounts, in polite Indonesian. */
final class RosterTexts {

  static final String SHARE_BUTTON = "📱 Bagikan nomor saya";
  static final String GUIDE_ADMIN = "docs/panduan-admin.md";

  private RosterTexts() {}

  static String askContact() {
    return "Selamat datang di Rakorbot, asisten rapat koordinasi dan laporan kamtibmas.\n\n"
        + "Akun ini belum terdaftar. Agar bot mengenali Bapak/Ibu dari daftar peserta Bakesbangpol, tekan tombol <b>"
        + SHARE_BUTTON + "</b> di bawah."
        + " Nomor itu hanya dicocokkan dengan daftar dan tidak ditampilkan kepada siapa pun selain admin.\n"
        + "Bila admin mengirim tautan undangan pribadi, buka saja tautan itu.\n"
        + "Camat, lurah, Bhabinkamtibmas dan Babinsa yang belum ada di daftar dapat mendaftar:"
        + " <code>/daftar Nama | Jabatan | Wilayah</code>.";
  }

  static String welcome(Official person, List<GroupConfig> groups) {
    return "✅ Terima kasih, <b>" + escape(person.name()) + "</b>" + (person.jabatan() == null ? "" : " (" + escape(person.jabatan()) + ")")
        + ", akun Telegram Anda sudah tertaut.\n"
        + (groups.isEmpty() ? "" : "Grup: " + escape(String.join(", ", groups.stream().map(GroupConfig::name).toList())) + ".\n")
        + "Ketik /bantuan untuk perintah yang dapat Anda pakai.";
  }

  static String notOwnContact() {
    return "Mohon bagikan <b>nomor Anda sendiri</b> dengan tombol " + SHARE_BUTTON + ". Kontak orang lain, kontak yang diteruskan"
        + " atau nomor yang diketik tidak dapat dipakai untuk menautkan akun.";
  }

  static String phoneNotOnRoster() {
    return "Nomor ini belum ada di daftar peserta Bakesbangpol. Mohon minta admin mencantumkan nomor Anda, atau membuatkan"
        + " tautan undangan pribadi.";
  }

  static String accountTaken(String otherName) {
    return "Akun Telegram ini sudah tertaut ke " + escape(otherName) + ". Satu akun hanya untuk satu orang; mohon hubungi admin"
        + " Bakesbangpol bila ada yang keliru.";
  }

  static String inviteUsed(boolean byThisAccount) {
    return byThisAccount ? "Tautan undangan ini sudah Anda pakai; akun Anda sudah tertaut. Ketik /bantuan untuk perintah."
        : "Tautan undangan ini sudah dipakai oleh akun lain. Setiap tautan hanya untuk satu orang dan satu kali. Mohon minta"
            + " tautan baru kepada admin Bakesbangpol.";
  }

  static String inviteExpired() {
    return "Tautan undangan ini sudah kedaluwarsa (berlaku 14 hari). Mohon minta tautan baru kepada admin Bakesbangpol,"
        + " atau tekan " + SHARE_BUTTON + " bila nomor Anda ada di daftar.";
  }

  static String inviteUnknown() {
    return "Tautan undangan ini tidak dikenal. Pastikan tautannya disalin utuh, atau minta tautan baru kepada admin.";
  }

  static String inviteForRemoved() {
    return "Tautan ini untuk orang yang sudah tidak ada di daftar peserta. Mohon hubungi admin Bakesbangpol.";
  }

  static String confirmUsername(Official person) {
    return "Apakah Anda <b>" + escape(person.name()) + "</b>" + (person.jabatan() == null ? "" : ", " + escape(person.jabatan()))
        + "? Tekan <b>Ya, benar</b> untuk menautkan akun ini.";
  }

  static String notThatPerson() {
    return "Baik, akun tidak ditautkan. Tekan " + SHARE_BUTTON + " atau minta tautan undangan kepada admin.";
  }

  static String alreadyBound(Official person) {
    return "Akun Anda sudah tertaut sebagai <b>" + escape(person.name()) + "</b>. Ketik /bantuan untuk perintah.";
  }

  static String onlyAdmins() {
    return "Daftar anggota hanya untuk admin Bakesbangpol.";
  }

  static String privateOnly() {
    return "Daftar anggota memuat data pribadi: mohon kirim /anggota di chat pribadi dengan bot.";
  }

  /** /anggota: per group, who is bound and who is not; phones only masked. */
  static String members(List<GroupConfig> groups, List<Official> people, java.util.function.Predicate<Official> hasAccount,
      Map<String, Long> boundGroups) {
    StringBuilder text = new StringBuilder("👥 <b>Anggota Rakorbot</b>\n");
    long unbound = people.stream().filter(p -> !hasAccount.test(p)).count();
    text.append(people.size() - unbound).append(" dari ").append(people.size()).append(" orang sudah tertaut.\n");
    for (GroupConfig group : groups) {
      List<Official> in = people.stream().filter(p -> p.groups().contains(group.id())).toList();
      text.append("\n<b>").append(escape(group.name())).append("</b>")
          .append(group.chatId() != null || boundGroups.containsKey(group.id()) ? "" : " — grup belum ditautkan")
          .append(" (").append(in.stream().filter(hasAccount).count()).append("/").append(in.size()).append(")\n");
      in.stream().filter(p -> !hasAccount.test(p)).forEach(p -> text.append("⏳ ").append(line(p)).append('\n'));
    }
    List<Official> noGroup = people.stream().filter(p -> p.groups().isEmpty() && !hasAccount.test(p)).toList();
    if (!noGroup.isEmpty()) {
      text.append("\n<b>Tanpa grup</b>\n");
      noGroup.forEach(p -> text.append("⏳ ").append(line(p)).append('\n'));
    }
    text.append(unbound == 0 ? "\nSemua sudah tertaut." : "\nTanda ⏳: belum tertaut. Tombol di bawah membuat tautan undangan baru"
        + " untuk dikirim lewat WhatsApp atau SMS.");
    return text.toString();
  }

  static String line(Official person) {
    return escape(person.name()) + (person.jabatan() == null ? "" : ", " + escape(person.jabatan()))
        + (person.phone() == null ? "" : " · " + PhoneNumbers.masked(person.phone()));
  }

  static String freshInvite(Official person, String link) {
    return "🔗 Tautan undangan untuk <b>" + escape(person.name()) + "</b> (sekali pakai, berlaku 14 hari):\n" + link
        + "\n\nKirimkan kepadanya lewat WhatsApp atau SMS. Tautan lama untuk orang ini tetap berlaku sampai dipakai atau kedaluwarsa.";
  }

  static String weeklyUnbound(List<Official> waiting) {
    StringBuilder text = new StringBuilder("👥 <b>Belum tertaut ke Rakorbot</b>: ").append(waiting.size()).append(" peserta/pelapor.\n"
        + "Mereka belum menerima pengingat dan belum dapat mengirim laporan.\n");
    waiting.stream().limit(40).forEach(p -> text.append("⏳ ").append(line(p)).append('\n'));
    if (waiting.size() > 40) {
      text.append("… dan ").append(waiting.size() - 40).append(" lainnya.\n");
    }
    text.append("Kirim /anggota untuk membuat tautan undangan.");
    return text.toString();
  }
}
