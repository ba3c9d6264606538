package id.rakorbot.rsvp;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.CAMAT_LURAH;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static id.rakorbot.support.TestClocks.wib;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotApiEmulator.Call;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** RSVPs end to end: buttons, tallies, deputies, text commands, the nudge, lists and the export. */
class RsvpTest {

  private static final String SCHEDULE = BotHarness.ONE_MEETING;
  private static final String CONFIG = BotHarness.CONFIG + SCHEDULE;
  private static final long STRANGER = 777000111;


  /** The announcement in a group, with its answer buttons. */
  private static Call announcement(BotApiEmulator api, long chat) {
    return api.awaitMessage(chat, text -> text.contains("Jadwal pertemuan berikutnya"));
  }


  private static List<Call> edits(BotApiEmulator api, long chat, int messageId) {
    return api.calls("editMessageText").stream()
        .filter(c -> c.chatId() == chat && c.params().path("message_id").asInt() == messageId).toList();
  }

  private static Call lastEdit(BotApiEmulator api, long chat, int messageId, String expected) {
    await().atMost(Duration.ofSeconds(15)).until(() -> {
      List<Call> edits = edits(api, chat, messageId);
      return !edits.isEmpty() && edits.getLast().text().contains(expected);
    });
    return edits(api, chat, messageId).getLast();
  }

  @Test
  void eachButtonRecordsConfirmsAndShowsInTheTally() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T09:00:00"))) {
      BotApiEmulator api = bot.api();
      Call message = announcement(api, CAMAT_LURAH);
      assertThat(message.params().path("reply_markup").toString()).contains("Hadir", "Daring", "Diwakilkan", "Berhalangan");
      assertThat(message.button("Hadir")).matches("r1:\\d+:h").hasSizeLessThanOrEqualTo(64);
      var styles = new java.util.HashMap<String, String>();
      message.params().path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b ->
          styles.put(b.path("text").asText().replaceAll("^\\S+ ", ""), b.path("style").asText(""))));
      assertThat(styles).as("Telegram's button colours").containsEntry("Hadir", "success").containsEntry("Berhalangan", "danger")
          .containsEntry("Daring", "").containsEntry("Diwakilkan", "");

      api.pressButton(CAMAT_LURAH, "Camat dan Lurah", message.messageId(), ADMIN, "Rina", message.button("Hadir"));
      api.pressButton(CAMAT_LURAH, "Camat dan Lurah", message.messageId(), CAMAT, "Heri", message.button("Daring"));

      await().atMost(Duration.ofSeconds(10)).until(() -> api.calls("answerCallbackQuery").size() == 2);
      assertThat(api.calls("answerCallbackQuery")).extracting(c -> c.params().path("text").asText())
          .containsExactlyInAnyOrder("Tercatat: Hadir", "Tercatat: Daring");
      Call tally = lastEdit(api, CAMAT_LURAH, message.messageId(), "Daring (1): Heri Susanto");
      assertThat(tally.text()).contains("Rakor Tim Terpadu PKS", "(2 dari 2 menjawab)", "Hadir (1): Rina Wulandari");
      assertThat(tally.params().path("reply_markup").toString()).contains("r1:");
      assertThat(tally.params().path("message_thread_id").isMissingNode()).isTrue();
    }
  }

  /** Field trial: a tap on the announcement shows on the later reminder too, so every message tells the same. */
  @Test
  void everyMessageOfTheMeetingShowsTheSameTally() throws Exception {
    var clock = TestClocks.movableWib("2026-01-20T09:00:00"); // announced a week ahead
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      Call message = announcement(api, FORKOPIMDA);
      api.pressButton(FORKOPIMDA, "Forkopimda", message.messageId(), ADMIN, "Rina", message.button("Hadir"));
      lastEdit(api, FORKOPIMDA, message.messageId(), "Hadir (1): Rina Wulandari");
      bot.jumpTo(clock, "2026-01-27T08:59:55");

      Call reminder = api.awaitMessage(FORKOPIMDA, text -> text.contains("Pengingat H-1"));
      Call tally = lastEdit(api, FORKOPIMDA, reminder.messageId(), "Hadir (1): Rina Wulandari");
      assertThat(tally.text()).contains("Pengingat H-1", "(1 dari 1 menjawab)");
      assertThat(tally.params().path("reply_markup").toString()).contains("r1:");
    }
  }

  @Test
  void aForgedButtonPressedUnderAnotherMessageChangesNothing() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T09:00:00"))) {
      BotApiEmulator api = bot.api();
      Call announcement = announcement(api, FORKOPIMDA);
      api.groupText(CAMAT_LURAH, "Camat dan Lurah", ADMIN, "Rina", "/start");
      Call help = api.awaitMessage(CAMAT_LURAH, text -> text.contains("aktif"));

      // The meeting's real button data, pressed under an unrelated bot message of another group.
      api.pressButton(CAMAT_LURAH, "Camat dan Lurah", help.messageId(), ADMIN, "Rina", announcement.button("Hadir"));

      await().atMost(Duration.ofSeconds(10)).until(() -> api.calls("answerCallbackQuery").size() == 1);
      assertThat(api.calls("answerCallbackQuery").getFirst().params().path("text").asText()).contains("tidak berlaku");
      bot.awaitQuiet(); // a tally marked changed would be edited before this returns
      assertThat(edits(api, CAMAT_LURAH, help.messageId())).isEmpty();
      long answers = bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM rsvp_answer").mapTo(Long.class).one());
      assertThat(answers).isZero();
    }
  }

  @Test
  void aChangedAnswerReplacesTheOldOneAndTheHistoryIsKept() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T09:00:00"))) {
      BotApiEmulator api = bot.api();
      Call message = announcement(api, FORKOPIMDA);

      api.pressButton(FORKOPIMDA, "Forkopimda", message.messageId(), ADMIN, "Rina", message.button("Hadir"));
      await().atMost(Duration.ofSeconds(10)).until(() -> api.calls("answerCallbackQuery").size() == 1);
      api.pressButton(FORKOPIMDA, "Forkopimda", message.messageId(), ADMIN, "Rina", message.button("Berhalangan"));

      Call tally = lastEdit(api, FORKOPIMDA, message.messageId(), "Berhalangan (1): Rina Wulandari");
      assertThat(tally.text()).contains("Hadir (0)");
      List<String> history = bot.jdbi().withHandle(h -> h.createQuery("SELECT answer FROM rsvp_answer WHERE user_id = :u ORDER BY id")
          .bind("u", ADMIN).mapTo(String.class).list());
      assertThat(history).containsExactly("hadir", "berhalangan");
    }
  }

  @Test
  void fiftyTapsInTwoSecondsGiveAtMostTwoEditsAndTheRightTally() throws Exception {
    StringBuilder roster = new StringBuilder("roster:\n");
    for (int i = 1; i <= 50; i++) {
      roster.append("  - {user_id: ").append(500000 + i).append(", name: Peserta ").append(i).append(", groups: [forkopimda]}\n");
    }
    String config = BotHarness.CONFIG.substring(0, BotHarness.CONFIG.indexOf("roster:")) + roster + SCHEDULE;
    try (BotHarness bot = BotHarness.startWithTelegramLimits(config, wib("2026-01-20T09:00:00"))) { // its 2 s coalescing
      BotApiEmulator api = bot.api();
      Call message = announcement(api, FORKOPIMDA);
      List<String> labels = List.of("Hadir", "Daring", "Diwakilkan", "Berhalangan", "Hadir");

      for (int i = 1; i <= 50; i++) {
        api.pressButton(FORKOPIMDA, "Forkopimda", message.messageId(), 500000 + i, "P" + i, message.button(labels.get(i % 5)));
        Thread.sleep(35);
      }

      Call tally = lastEdit(api, FORKOPIMDA, message.messageId(), "(50 dari 50 menjawab)");
      bot.awaitQuiet();
      assertThat(edits(api, FORKOPIMDA, message.messageId())).hasSizeLessThanOrEqualTo(2);
      assertThat(tally.text()).contains("Hadir (20)", "Daring (10)", "Diwakilkan (10)", "Berhalangan (10)");
      assertThat(api.calls("answerCallbackQuery")).hasSize(50);
    }
  }

  @Test
  void someoneNotOnTheRosterIsRefusedWithAnExplanation() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T09:00:00"))) {
      BotApiEmulator api = bot.api();
      Call message = announcement(api, FORKOPIMDA);

      api.pressButton(FORKOPIMDA, "Forkopimda", message.messageId(), STRANGER, "Tamu", message.button("Hadir"));
      api.pressButton(FORKOPIMDA, "Forkopimda", message.messageId(), CAMAT, "Heri", message.button("Hadir")); // not in forkopimda

      await().atMost(Duration.ofSeconds(10)).until(() -> api.calls("answerCallbackQuery").size() == 2);
      assertThat(api.calls("answerCallbackQuery")).allSatisfy(c -> assertThat(c.params().path("show_alert").asBoolean()).isTrue());
      // Button answers go out as each press is handled, in no promised order: one answer to each.
      assertThat(api.calls("answerCallbackQuery")).extracting(c -> c.params().path("text").asText())
          .anySatisfy(text -> assertThat(text).contains("belum terdaftar sebagai peserta"))
          .anySatisfy(text -> assertThat(text).contains("terdaftar sebagai peserta Camat dan Lurah, bukan forum ini")); // tells the member which forum is theirs
      Integer answers = bot.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM rsvp_answer").mapTo(Integer.class).one());
      assertThat(answers).isZero();
    }
  }

  @Test
  void anAnswerAfterTheStartIsRefusedPolitely() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T09:00:00"))) {
      BotApiEmulator api = bot.api();
      Call message = announcement(api, FORKOPIMDA);
      bot.restart(wib("2026-01-28T09:01:00"));

      api.pressButton(FORKOPIMDA, "Forkopimda", message.messageId(), ADMIN, "Rina", message.button("Hadir"));

      await().atMost(Duration.ofSeconds(10)).until(() -> !api.calls("answerCallbackQuery").isEmpty());
      assertThat(api.calls("answerCallbackQuery").getFirst().params().path("text").asText()).contains("rapat sudah dimulai");
    }
  }

  @Test
  void theNudgeMentionsExactlyThoseWhoHaveNotAnsweredOnce() throws Exception {
    var clock = TestClocks.movableWib("2026-01-20T09:00:00"); // announced a week ahead
    try (BotHarness bot = BotHarness.start(CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      announcement(api, CAMAT_LURAH);
      api.privateText(ADMIN, "Rina", "/hadir");
      api.awaitMessage(ADMIN, text -> text.contains("Tercatat: <b>Hadir</b>"));
      bot.jumpTo(clock, "2026-01-27T08:59:55");

      Call nudge = api.awaitMessage(CAMAT_LURAH, text -> text.contains("Mohon konfirmasi kehadiran"));
      assertThat(nudge.text()).contains("tg://user?id=" + CAMAT).doesNotContain("tg://user?id=" + ADMIN)
          .doesNotContain("tg://user?id=" + BotHarness.LURAH); // defect 3: a reporter only is not expected at forums
      assertThat(nudge.params().path("message_thread_id").asInt()).isEqualTo(12);
      bot.awaitQuiet();
      assertThat(api.messagesTo(CAMAT_LURAH)).filteredOn(c -> c.text().contains("Mohon konfirmasi")).hasSize(1);
      assertThat(api.messagesTo(FORKOPIMDA)).noneMatch(c -> c.text().contains("Mohon konfirmasi")); // everyone answered there
    }
  }

  @Test
  void hadirWithoutASessionNumberTakesTheGroupsNextMeeting() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T09:00:00"))) {
      BotApiEmulator api = bot.api();
      api.groupText(CAMAT_LURAH, "Camat dan Lurah", CAMAT, "Heri", "/hadir");

      Call reply = api.awaitMessage(CAMAT_LURAH, text -> text.contains("Tercatat"));
      assertThat(reply.text()).contains("Hadir", "Rakor Tim Terpadu PKS", "Rabu, 28 Januari 2026 pukul 09.00 WIB");
      String stored = bot.jdbi().withHandle(h -> h.createQuery("""
              SELECT o.schedule_id FROM rsvp_answer a JOIN schedule_occurrence o ON o.id = a.occurrence_id
              WHERE a.user_id = :u AND a.answer = 'hadir'""").bind("u", CAMAT).mapTo(String.class).one());
      assertThat(stored).isEqualTo("rakor_pks");
    }
  }

  @Test
  void wakilAndBerhalanganCarryTheNameAndReason() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T09:00:00"))) {
      BotApiEmulator api = bot.api();
      api.groupText(CAMAT_LURAH, "Camat dan Lurah", CAMAT, "Heri", "/wakil");
      api.awaitMessage(CAMAT_LURAH, text -> text.contains("nama dan jabatan wakil"));
      api.groupText(CAMAT_LURAH, "Camat dan Lurah", CAMAT, "Heri", "/wakil Budi Santoso, Sekcam Klojen");
      api.groupText(CAMAT_LURAH, "Camat dan Lurah", ADMIN, "Rina", "/berhalangan dinas luar kota");
      api.awaitMessage(CAMAT_LURAH, text -> text.contains("Berhalangan"));

      api.groupText(CAMAT_LURAH, "Camat dan Lurah", ADMIN, "Rina", "/kehadiran");
      Call list = api.awaitAnswer(CAMAT_LURAH, ADMIN, text -> text.contains("Kehadiran: Rakor Tim Terpadu PKS"));
      assertThat(list.text()).contains("Heri Susanto (wakil: Budi Santoso, Sekcam Klojen)", "Rina Wulandari (dinas luar kota)",
          "Tanpa kabar</b> (0)").doesNotContain("Ringkasan");
    }
  }

  @Test
  void diwakilkanAsksForTheDeputyAndTheReplyIsRecorded() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T09:00:00"))) {
      BotApiEmulator api = bot.api();
      Call message = announcement(api, CAMAT_LURAH);
      api.pressButton(CAMAT_LURAH, "Camat dan Lurah", message.messageId(), CAMAT, "Heri", message.button("Diwakilkan"));

      Call question = api.awaitMessage(CAMAT_LURAH, text -> text.contains("balas pesan ini"));
      assertThat(question.params().path("reply_markup").path("force_reply").asBoolean()).isTrue();
      assertThat(question.text()).contains("tg://user?id=" + CAMAT);
      api.replyToBot(CAMAT_LURAH, "Camat dan Lurah", question.messageId(), CAMAT, "Heri", "Budi Santoso, Sekcam");

      api.awaitMessage(CAMAT_LURAH, text -> text.contains("Diwakilkan</b> oleh Budi Santoso, Sekcam"));
      lastEdit(api, CAMAT_LURAH, message.messageId(), "Heri Susanto (wakil: Budi Santoso, Sekcam)");
    }
  }

  @Test
  void aRestartBetweenTapsLosesNoAnswer() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T09:00:00"))) {
      BotApiEmulator api = bot.api();
      Call message = announcement(api, CAMAT_LURAH);
      api.pressButton(CAMAT_LURAH, "Camat dan Lurah", message.messageId(), ADMIN, "Rina", message.button("Hadir"));
      await().atMost(Duration.ofSeconds(10)).until(() -> api.calls("answerCallbackQuery").size() == 1);

      bot.restart(wib("2026-01-20T09:01:00"));
      api.pressButton(CAMAT_LURAH, "Camat dan Lurah", message.messageId(), CAMAT, "Heri", message.button("Berhalangan"));

      Call tally = lastEdit(api, CAMAT_LURAH, message.messageId(), "(2 dari 2 menjawab)");
      assertThat(tally.text()).contains("Hadir (1): Rina Wulandari", "Berhalangan (1): Heri Susanto");
    }
  }

  @Test
  void adminsExportTheListAsExcelFriendlyCsv() throws Exception {
    try (BotHarness bot = BotHarness.start(CONFIG, wib("2026-01-20T09:00:00"))) {
      BotApiEmulator api = bot.api();
      api.privateText(CAMAT, "Heri", "/ekspor_kehadiran");
      api.awaitMessage(CAMAT, text -> text.contains("khusus untuk admin"));
      api.privateText(CAMAT, "Heri", "/hadir");
      api.awaitMessage(CAMAT, text -> text.contains("Tercatat"));

      api.privateText(ADMIN, "Rina", "/ekspor_kehadiran");

      await().atMost(Duration.ofSeconds(10)).until(() -> api.calls("sendDocument").stream().anyMatch(c -> c.chatId() == ADMIN));
      JsonNode document = api.calls("sendDocument").stream().filter(c -> c.chatId() == ADMIN).findFirst().orElseThrow().params()
          .path("document");
      assertThat(document.path("filename").asText()).isEqualTo("kehadiran-rakor_pks-2026-01-28.csv");
      String csv = new String(document.path("bytes").binaryValue(), StandardCharsets.UTF_8);
      assertThat(csv).startsWith("\uFEFFNama;Jabatan;Wilayah;Jawaban;Wakil;Alasan");
      assertThat(csv.lines().collect(Collectors.toList())).contains("\"Heri Susanto\";\"Camat Klojen\";Klojen;Hadir;;", "\"Rina Wulandari\";\"Analis Bakesbangpol\";;\"Tanpa kabar\";;");
    }
  }
}
