package id.rakorbot.report;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.CAMAT_LURAH;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotApiEmulator.Call;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /lapor end to end over the emulator and real PostgreSQL. */
class ReportTest {

  private static final long STRANGER = 888000111;
  private static BotHarness bot;
  private static BotApiEmulator api;

  @BeforeAll
  static void start() throws Exception {
    bot = BotHarness.start();
    api = bot.api();
  }

  @AfterAll
  static void stop() {
    bot.close();
  }

  private static List<Map<String, Object>> reports(long reporter) {
    return bot.jdbi().withHandle(h -> h.createQuery("SELECT * FROM report WHERE reporter_id = :r ORDER BY id")
        .bind("r", reporter).mapToMap().list());
  }

  private static long count(String table) {
    return bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
  }

  /** A fresh reporter per test, so flood limits and lists do not mix (approved through /daftar's table). */
  private static long reporter(long id, String wilayah) {
    bot.jdbi().useHandle(h -> h.createUpdate("""
            INSERT INTO reporter (user_id, name, jabatan, wilayah, status, requested_at)
            VALUES (:id, :name, 'Lurah', :wilayah, 'approved', now())""")
        .bind("id", id).bind("name", "Pelapor " + id).bind("wilayah", wilayah).execute());
    return id;
  }

  @Test
  void aOneLineReportIsNumberedAndASiagaGoesToTheAlertGroup() {
    api.privateText(CAMAT, "Heri", "/lapor tawuran siaga Potensi tawuran pelajar di Jl. Soekarno-Hatta malam Minggu");

    Call reply = api.awaitMessage(CAMAT, text -> text.contains("Laporan <b>LAP-") && text.contains("Tawuran"));
    assertThat(reply.text()).containsPattern("LAP-\\d{4}-\\d{6}").contains("Tawuran (siaga)", "Wilayah: Klojen", "/koreksi");
    Call alert = api.awaitMessage(FORKOPIMDA, text -> text.contains("SIAGA: Tawuran"));
    assertThat(alert.text()).contains("Klojen", "Potensi tawuran pelajar", "Heri Susanto, Camat Klojen");
    Map<String, Object> stored = reports(CAMAT).getLast();
    assertThat(stored).containsEntry("category", "tawuran").containsEntry("severity", "siaga").containsEntry("area", "Klojen");
  }

  @Test
  void aSiagaReportIsStoredAndAlertedWhenNoGroupWatchesPrivateReports() throws Exception {
    String config = BotHarness.CONFIG.replace("  private_reports_to: forkopimda\n", "");
    assertThat(config).doesNotContain("private_reports_to");
    try (BotHarness other = BotHarness.start(config, Clock.systemUTC())) {
      other.api().privateText(CAMAT, "Heri", "/lapor tawuran siaga Potensi tawuran pelajar di alun-alun");

      other.api().awaitMessage(CAMAT, text -> text.contains("LAP-"));
      Call alert = other.api().awaitMessage(FORKOPIMDA, text -> text.contains("SIAGA"));
      assertThat(alert.text()).contains("Tawuran", "Potensi tawuran pelajar di alun-alun");
      long stored = other.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM report").mapTo(Long.class).one());
      assertThat(stored).isEqualTo(1);
    }
  }

  @Test
  void aNearMissCategoryIsAnsweredWithTheClosestAndNothingIsStored() {
    long before = count("report");
    api.privateText(CAMAT, "Heri", "/lapor tawuan Ada keributan");

    Call reply = api.awaitMessage(CAMAT, text -> text.contains("tidak dikenal"));
    assertThat(reply.text()).contains("Kategori 'tawuan' tidak dikenal. Maksud Anda: <b>tawuran</b>?",
        "narkoba (Narkoba), pencurian (Pencurian), tawuran (Tawuran), bencana (Bencana), konflik (Konflik sosial).")
        .doesNotContain("konflik_sosial");
    assertThat(count("report")).isEqualTo(before);
  }

  @Test
  void anAliasFindsItsCategoryAndAPrivateReportIsSharedWithTheLeadership() {
    long lurah = reporter(910001, "Kauman");
    api.privateText(lurah, "Lurah", "/lapor CURANMOR Motor warga hilang di parkiran pasar #blimbing");

    api.awaitMessage(lurah, text -> text.contains("Pencurian (normal)") && text.contains("Wilayah: Blimbing"));
    api.awaitMessage(FORKOPIMDA, text -> text.contains("Pencurian") && text.contains("Pelapor 910001"));
    assertThat(reports(lurah).getFirst()).containsEntry("category", "pencurian").containsEntry("description", "Motor warga hilang di parkiran pasar");
  }

  @Test
  void aReportInAGroupIsAnsweredThere() {
    api.groupText(CAMAT_LURAH, "Camat dan Lurah", CAMAT, "Heri", "/lapor@" + BotApiEmulator.BOT_USERNAME + " narkoba waspada Transaksi mencurigakan di kos");

    Call reply = api.awaitMessage(CAMAT_LURAH, text -> text.contains("Narkoba (waspada)"));
    assertThat(reply.params().path("reply_parameters").path("message_id").asInt()).isPositive();
  }

  @Test
  void nihilIsCountedOncePerDayAndArea() {
    long lurah = reporter(910002, "Kauman");
    api.privateText(lurah, "Lurah", "/lapor nihil");
    api.awaitMessage(lurah, text -> text.contains("Nihil (tidak ada kejadian) untuk wilayah Kauman"));
    api.privateText(lurah, "Lurah", "/lapor nihil");

    api.awaitMessage(lurah, text -> text.contains("sudah tercatat"));
    assertThat(reports(lurah)).hasSize(1).allSatisfy(r -> assertThat(r).containsEntry("nihil", true));
  }

  @Test
  void aPhotoWithTheCommandAsCaptionIsAttached() {
    long lurah = reporter(910003, "Kauman");
    ObjectNode message = message(lurah);
    message.put("caption", "/lapor banjir waspada Genangan 40 cm di Jl. Kawi");
    message.putArray("photo").add(photo("small-id", 100)).add(photo("large-id", 9000));
    api.send("message", message);

    api.awaitMessage(lurah, text -> text.contains("Foto terlampir"));
    assertThat(reports(lurah).getFirst()).containsEntry("photo_file_id", "large-id").containsEntry("category", "bencana");
  }

  /** Field trial: a nihil followed by a real report for the area that day no longer counts, and the reporter is told. */
  @Test
  void aNihilIsSupersededByARealReportTheSameDay() {
    long lurah = reporter(910015, "Blimbing");
    api.privateText(lurah, "Lurah", "/lapor nihil");
    String nihil = api.awaitMessage(lurah, text -> text.contains("Nihil (tidak ada kejadian)")).text()
        .replaceAll("(?s).*(LAP-\\d{4}-\\d{6}).*", "$1");
    api.privateText(lurah, "Lurah", "/lapor pencurian Motor hilang di parkiran pasar");

    Call reply = api.awaitMessage(lurah, text -> text.contains("Motor hilang"));
    assertThat(reply.text()).contains("Laporan nihil hari ini untuk wilayah Blimbing (" + nihil + ") tidak berlaku lagi");
    assertThat(reports(lurah)).extracting(r -> r.get("status")).containsExactly("superseded", "open");
  }

  /** Defect 7: Telegram never sends a caption without its media; a forged one is not a report. */
  @Test
  void aCaptionWithoutMediaIsNotTakenAsAReport() {
    long lurah = reporter(910013, "Kauman");
    ObjectNode forged = message(lurah);
    forged.put("caption", "/lapor banjir waspada Caption tanpa foto");
    api.send("message", forged);
    api.privateText(lurah, "Lurah", "/lapor banjir Genangan di Jl. Kawi");

    api.awaitMessage(lurah, text -> text.contains("tercatat"));
    assertThat(reports(lurah)).singleElement().satisfies(r -> assertThat(r.get("description")).isEqualTo("Genangan di Jl. Kawi"));
  }

  /** Defect 7: coordinates outside the globe are refused and never stored. */
  @Test
  void anImpossibleLocationIsRefused() {
    long lurah = reporter(910014, "Kauman");
    api.privateText(lurah, "Lurah", "/lapor pencurian Kambing warga hilang");
    api.awaitMessage(lurah, text -> text.contains("tercatat"));
    ObjectNode location = message(lurah);
    location.putObject("location").put("latitude", 91.0).put("longitude", 112.63);
    api.send("message", location);

    api.awaitMessage(lurah, text -> text.contains("Lokasi tidak dapat dipakai"));
    assertThat(reports(lurah).getFirst().get("latitude")).isNull();
  }

  @Test
  void aLocationSharedAfterAReportIsAttachedToIt() {
    long lurah = reporter(910004, "Kauman");
    api.privateText(lurah, "Lurah", "/lapor pencurian Kambing warga hilang");
    api.awaitMessage(lurah, text -> text.contains("tercatat"));
    ObjectNode location = message(lurah);
    location.putObject("location").put("latitude", -7.9797).put("longitude", 112.6304);
    api.send("message", location);

    api.awaitMessage(lurah, text -> text.contains("Lokasi ditambahkan"));
    assertThat(reports(lurah).getFirst()).containsEntry("latitude", -7.9797);
  }

  @Test
  void badInputIsExplainedAndNothingIsStored() {
    long lurah = reporter(910005, "Kauman");
    api.privateText(lurah, "Lurah", "/lapor tawuran");
    api.awaitMessage(lurah, text -> text.contains("Uraian laporan Tawuran belum diisi"));
    api.privateText(lurah, "Lurah", "/lapor tawuran " + "x".repeat(2_001));
    api.awaitMessage(lurah, text -> text.contains("2.001 karakter; batas 2.000"));
    api.privateText(lurah, "Lurah", "/lapor tawuran Keributan #klojn");
    api.awaitMessage(lurah, text -> text.contains("Wilayah '#klojn' tidak dikenal. Maksud Anda: <b>Klojen</b>?"));

    assertThat(reports(lurah)).isEmpty();
  }

  @Test
  void theFloodLimitRefusesPolitely() {
    long lurah = reporter(910006, "Kauman");
    for (int i = 1; i <= 4; i++) {
      api.privateText(lurah, "Lurah", "/lapor tawuran Laporan ke-" + i);
    }

    api.awaitMessage(lurah, text -> text.contains("3 laporan dalam 10 menit"));
    assertThat(reports(lurah)).hasSize(3);
  }

  @Test
  void someoneUnregisteredIsRefusedThenReportsAfterApproval() {
    api.privateText(STRANGER, "Budi", "/lapor tawuran Ada keributan");
    Call refusal = api.awaitMessage(STRANGER, text -> text.contains("belum terdaftar sebagai pelapor"));
    assertThat(refusal.text()).contains("/daftar Nama | Jabatan | Wilayah");
    assertThat(reports(STRANGER)).isEmpty();

    api.privateText(STRANGER, "Budi", "/daftar Budi Hartono | Lurah Blimbing | blimbing");
    api.awaitMessage(STRANGER, text -> text.contains("dikirim ke admin"));
    Call request = api.awaitMessage(ADMIN, text -> text.contains("Pendaftaran pelapor") && text.contains("Budi Hartono"));
    String approve = request.params().path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText();
    api.pressButton(ADMIN, "Rina", request.messageId(), CAMAT, "Heri", approve); // not an admin: refused
    api.pressButton(ADMIN, "Rina", request.messageId(), ADMIN, "Rina", approve);

    api.awaitMessage(STRANGER, text -> text.contains("disetujui"));
    api.privateText(STRANGER, "Budi", "/lapor narkoba Peredaran pil di warung");
    api.awaitMessage(STRANGER, text -> text.contains("tercatat") && text.contains("Wilayah: Blimbing"));
    assertThat(reports(STRANGER)).hasSize(1);
    assertThat(api.calls("answerCallbackQuery")).anyMatch(c -> c.params().path("text").asText().contains("Hanya admin"));
  }

  @Test
  void theReporterCorrectsWithin24HoursAndOthersCannot() throws Exception {
    long lurah = reporter(910007, "Kauman");
    api.privateText(lurah, "Lurah", "/lapor bencana Pohon tumbang");
    String number = api.awaitMessage(lurah, text -> text.contains("tercatat")).text().replaceAll("(?s).*(LAP-\\d{4}-\\d{6}).*", "$1");

    api.privateText(CAMAT, "Heri", "/koreksi " + number + " bukan punya saya");
    api.awaitMessage(CAMAT, text -> text.contains("bukan laporan Bapak/Ibu"));
    api.privateText(lurah, "Lurah", "/koreksi " + number + " Pohon tumbang menutup Jl. Ijen");
    api.awaitMessage(lurah, text -> text.contains("Koreksi laporan " + number + " tercatat"));
    Call toAdmin = api.awaitMessage(ADMIN, text -> text.contains("Koreksi " + number));
    assertThat(toAdmin.text()).contains("Asli: Pohon tumbang", "Koreksi: Pohon tumbang menutup Jl. Ijen");
    assertThat(reports(lurah).getFirst()).containsEntry("description", "Pohon tumbang");

    bot.jdbi().useHandle(h -> h.createUpdate("UPDATE report SET created_at = now() - interval '25 hours' WHERE number = :n").bind("n", number).execute());
    api.privateText(lurah, "Lurah", "/koreksi " + number + " terlambat");
    api.awaitMessage(lurah, text -> text.contains("Batas koreksi"));
    assertThat(count("report_correction")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void adminsCloseReportsAndReportersListTheirs() {
    long lurah = reporter(910008, "Kauman");
    api.privateText(lurah, "Lurah", "/lapor tawuran Perkelahian di lapangan");
    String number = api.awaitMessage(lurah, text -> text.contains("tercatat")).text().replaceAll("(?s).*(LAP-\\d{4}-\\d{6}).*", "$1");

    api.privateText(lurah, "Lurah", "/tutup " + number);
    api.awaitMessage(lurah, text -> text.contains("khusus untuk admin"));
    api.privateText(ADMIN, "Rina", "/tutup " + number + " sudah dimediasi Polsek");
    api.awaitMessage(ADMIN, text -> text.contains("ditandai selesai"));
    api.privateText(lurah, "Lurah", "/laporanku");

    Call list = api.awaitMessage(lurah, text -> text.contains("Laporan terakhir"));
    assertThat(list.text()).contains(number, "ditutup", "Tawuran · Normal · Kauman", "“Perkelahian di lapangan”")
        .containsPattern("\\d{1,2} [A-Z][a-z]+ \\d{4} \\d{2}\\.\\d{2} WIB");
  }

  @Test
  void editingASentReportSaysCorrectionsGoThroughKoreksi() {
    ObjectNode edited = message(CAMAT);
    edited.put("text", "/lapor tawuran diubah");
    edited.put("edit_date", Instant.now().getEpochSecond());
    api.send("edited_message", edited);

    api.awaitMessage(CAMAT, text -> text.contains("Perubahan pesan tidak mengubah"));
  }

  @Test
  void theGuidedDialogueSurvivesARestartAndSendsTheReport() throws Exception {
    long lurah = reporter(910009, "Kauman");
    api.privateText(lurah, "Lurah", "/lapor");
    Call categories = api.awaitMessage(lurah, text -> text.contains("langkah 1 dari 4"));
    api.pressButton(lurah, "Lurah", categories.messageId(), lurah, "Lurah", categories.button("Bencana"));
    Call severities = api.awaitMessage(lurah, text -> text.contains("Langkah 2 dari 4"));
    api.pressButton(lurah, "Lurah", severities.messageId(), lurah, "Lurah", severities.button("Awas"));
    api.awaitMessage(lurah, text -> text.contains("Langkah 3 dari 4"));

    bot.restart();
    api.privateText(lurah, "Lurah", "Banjir setinggi 1 meter di RW 05, warga mengungsi ke balai RW");
    Call extras = api.awaitMessage(lurah, text -> text.contains("Langkah 4 dari 4"));
    ObjectNode location = message(lurah);
    location.putObject("location").put("latitude", -7.98).put("longitude", 112.63);
    api.send("message", location);
    api.awaitMessage(lurah, text -> text.contains("Lokasi diterima"));
    api.pressButton(lurah, "Lurah", extras.messageId(), lurah, "Lurah", extras.button("Kirim"));

    api.awaitMessage(lurah, text -> text.contains("tercatat") && text.contains("Bencana (awas)"));
    api.awaitMessage(FORKOPIMDA, text -> text.contains("AWAS: Bencana") && text.contains("Banjir setinggi 1 meter"));
    assertThat(reports(lurah).getFirst()).containsEntry("severity", "awas").containsEntry("latitude", -7.98);
    assertThat(count("report_draft WHERE user_id = " + lurah)).isZero();
  }

  @Test
  void anAbandonedDialogueExpiresWithAMessage() throws Exception {
    long lurah = reporter(910010, "Kauman");
    api.privateText(lurah, "Lurah", "/lapor");
    api.awaitMessage(lurah, text -> text.contains("langkah 1 dari 4"));

    bot.restart(TestClocks.startingAt(Instant.now().plus(Duration.ofMinutes(31))));

    api.awaitMessage(lurah, text -> text.contains("dibatalkan karena 30 menit"));
    assertThat(count("report_draft WHERE user_id = " + lurah)).isZero();
    bot.restart(Clock.systemUTC());
  }

  @Test
  void theSameUpdateDeliveredTwiceStoresOneReport() throws Exception {
    long lurah = reporter(910011, "Kauman");
    api.privateText(lurah, "Lurah", "/lapor narkoba Transaksi di gang buntu");
    api.awaitMessage(lurah, text -> text.contains("tercatat"));

    api.forgetConfirmations();
    bot.restart();
    api.privateText(lurah, "Lurah", "/laporanku");
    api.awaitMessage(lurah, text -> text.contains("Laporan terakhir"));

    assertThat(reports(lurah)).hasSize(1);
  }

  private static ObjectNode message(long userId) {
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.put("message_id", (int) (System.nanoTime() % 1_000_000)).put("date", Instant.now().getEpochSecond());
    message.set("chat", BotApiEmulator.privateChat(userId, "Lurah"));
    message.set("from", BotApiEmulator.user(userId, "Lurah"));
    return message;
  }

  private static ObjectNode photo(String id, int size) {
    return JsonNodeFactory.instance.objectNode().put("file_id", id).put("file_unique_id", id + "u").put("width", 100)
        .put("height", 100).put("file_size", size);
  }

}
