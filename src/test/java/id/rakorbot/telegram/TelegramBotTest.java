package id.rakorbot.telegram;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.CAMAT_LURAH;
import static id.rakorbot.support.BotHarness.FKUB_BASIC_GROUP;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotApiEmulator.Call;
import id.rakorbot.support.BotHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bot end to end: the real TelegramBots client against the Bot API emulator, on real PostgreSQL. */
class TelegramBotTest {

  private static final long STRANGER = 555000111;
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

  @Test
  void startInPrivateTellsARosterMemberWhoTheyAre() {
    api.privateText(CAMAT, "Heri", "/start");

    Call reply = api.awaitMessage(CAMAT, text -> text.contains("Selamat datang"));
    assertThat(reply.text()).contains("Heri Susanto", "Camat Klojen", "Klojen", "pelapor", "Camat dan Lurah");
    assertThat(reply.params().path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
  }

  @Test
  void startInPrivateTellsAStrangerHowToGetRegistered() {
    api.privateText(STRANGER, "Tamu", "/start");

    Call reply = api.awaitMessage(STRANGER, text -> text.contains("belum terdaftar"));
    assertThat(reply.text()).contains("Bagikan nomor saya", "tautan undangan", "/daftar").doesNotContain(String.valueOf(STRANGER));
    assertThat(reply.params().at("/reply_markup/keyboard/0/0/request_contact").asBoolean()).isTrue();
  }

  @Test
  void startInADeclaredGroupAnswersInTheGroupQuotingTheCommand() {
    api.groupText(FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/start");

    Call reply = api.awaitMessage(FORKOPIMDA, text -> text.contains("Rakorbot aktif"));
    assertThat(reply.text()).contains("Forkopimda Kota Malang");
    assertThat(reply.params().path("reply_parameters").path("message_id").asInt()).isPositive();
  }

  @Test
  void aCommandInAForumTopicIsAnsweredInThatTopic() {
    var message = BotApiEmulator.groupChat(CAMAT_LURAH, "Camat dan Lurah");
    var from = BotApiEmulator.user(CAMAT, "Heri");
    var update = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        .put("message_id", 777).put("date", 1).put("text", "/bantuan").put("message_thread_id", 12).put("is_topic_message", true);
    update.set("chat", message);
    update.set("from", from);
    api.send("message", update);

    Call reply = api.awaitAnswer(CAMAT_LURAH, CAMAT, text -> text.contains("Perintah Rakorbot")); // for him alone, in that topic
    assertThat(reply.params().path("message_thread_id").asInt()).isEqualTo(12);
  }

  @Test
  void aCommandWithTheBotsNameIsAnsweredAndOneForAnotherBotIsNot() {
    api.privateText(ADMIN, "Rina", "/bantuan@SomeOtherBot");
    api.privateText(ADMIN, "Rina", "/bantuan@" + BotApiEmulator.BOT_USERNAME);

    Call reply = api.awaitMessage(ADMIN, text -> text.contains("Perintah Rakorbot"));
    assertThat(reply.text()).contains("/start", "/bantuan");
    bot.awaitQuiet();
    assertThat(api.messagesTo(ADMIN)).filteredOn(c -> c.text().contains("Perintah Rakorbot")).hasSize(1);
  }

  @Test
  void helpAliasAndTheCommandMenuAreInIndonesian() {
    api.privateText(CAMAT, "Heri", "/help");

    api.awaitMessage(CAMAT, text -> text.contains("Perintah Rakorbot"));
    Call menu = api.calls("setMyCommands").getFirst();
    assertThat(menu.params().path("commands").toString()).contains("bantuan", "Daftar perintah");
  }

  @Test
  void anUnknownCommandGetsAHint() {
    api.privateText(STRANGER + 1, "Tamu", "/rapat");

    Call reply = api.awaitMessage(STRANGER + 1, text -> text.contains("tidak dikenal"));
    assertThat(reply.text()).contains("/rapat", "/bantuan");
  }

  @Test
  void anUndeclaredGroupIsToldWhichChatIdToAddAndTheBotLeaves() {
    long undeclared = -1009999000001L;
    api.botAdded(undeclared, "Grup Lain", ADMIN);

    Call notice = api.awaitMessage(undeclared, text -> text.contains("belum terdaftar"));
    assertThat(notice.text()).contains("chat_id: " + undeclared);
    await().atMost(Duration.ofSeconds(10)).until(() -> api.calls("leaveChat").stream().anyMatch(c -> c.chatId() == undeclared));
    List<Call> calls = api.calls();
    assertThat(calls.indexOf(api.calls("leaveChat").stream().filter(c -> c.chatId() == undeclared).findFirst().orElseThrow()))
        .isGreaterThan(calls.indexOf(notice));
    api.awaitMessage(ADMIN, text -> text.contains("Grup Lain") && text.contains(String.valueOf(undeclared)));
  }

  @Test
  void aDeclaredGroupIsThankedWhenTheBotIsAdded() {
    api.botAdded(FORKOPIMDA, "Forkopimda", ADMIN);

    api.awaitMessage(FORKOPIMDA, text -> text.contains("Terima kasih") && text.contains("Forkopimda Kota Malang"));
    assertThat(api.calls("leaveChat")).noneMatch(c -> c.chatId() == FORKOPIMDA);
  }

  @Test
  void aGroupThatBecomesASupergroupIsServedUnderItsNewId() {
    long supergroup = -1004000123L;
    api.groupMigrated(FKUB_BASIC_GROUP, supergroup, "FKUB");
    api.groupText(supergroup, "FKUB", ADMIN, "Rina", "/start");

    Call reply = api.awaitMessage(supergroup, text -> text.contains("Rakorbot aktif"));
    assertThat(reply.text()).contains("FKUB Kota Malang");
    Long stored = bot.jdbi().withHandle(h -> h.createQuery("SELECT chat_id FROM telegram_group WHERE config_id = 'fkub'")
        .mapTo(Long.class).one());
    assertThat(stored).isEqualTo(supergroup);
  }

  @Test
  void messagesInAnUndeclaredGroupAreIgnored() {
    long undeclared = -1009999000002L;
    api.groupText(undeclared, "Grup Asing", STRANGER, "Tamu", "/start");
    int marker = api.privateText(STRANGER + 2, "Tamu", "/start");

    api.awaitMessage(STRANGER + 2, text -> text.contains("belum terdaftar"));
    assertThat(marker).isPositive();
    assertThat(api.messagesTo(undeclared)).isEmpty();
  }
}
