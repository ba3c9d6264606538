package id.rakorbot.privacy;

import static id.rakorbot.support.BotHarness.ADMIN;
import static id.rakorbot.support.BotHarness.CAMAT;
import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static id.rakorbot.support.BotHarness.LURAH;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.TestClocks;
import id.rakorbot.support.TestDatabase;
import id.rakorbot.storage.Database;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The log of a full scenario — a contact shared, a registration, reports (one siaga), a correction, an arahan, a
 * button pressed, an RSVP, a failing send, an export and an erasure — holds at INFO and above no phone number, no
 * description and no name: a log is read and kept by people who are not the data's audience.
 */
class LogPrivacyTest {

  @Test
  void aFullScenarioLogsNoPhoneNoDescriptionAndNoName() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(log);
    var clock = TestClocks.movableWib("2026-01-26T10:00:00");
    try (BotHarness bot = BotHarness.start(PrivacyTest.CONFIG, clock)) {
      BotApiEmulator api = bot.api();
      api.sharedContact(LURAH, "Siti", PrivacyTest.SITI_PHONE, LURAH);
      api.privateText(100000099, "Budi", "/daftar Budi Hartono | Lurah Blimbing | blimbing");
      api.awaitMessage(ADMIN, t -> t.contains("Budi Hartono"));
      api.privateText(LURAH, "Siti", "/lapor narkoba Peredaran pil koplo di gang buntu #Kauman");
      api.awaitMessage(LURAH, t -> t.contains("LAP-"));
      clock.moveTo(clock.instant().plus(Duration.ofMinutes(15)));
      api.failNext("sendMessage", 400, "Bad Request: can't parse entities", null);
      api.privateText(CAMAT, "Heri", "/lapor tawuran siaga Tawuran pelajar dekat stadion #Klojen");
      bot.awaitQuiet(); // one of its messages is refused by Telegram (logged as an error) and given up
      api.groupText(FORKOPIMDA, "Forkopimda", ADMIN, "Rina", "/arahan @" + LURAH + " 7 hari Pendataan pos ronda Kauman");
      api.awaitMessage(FORKOPIMDA, t -> t.contains("Pendataan pos ronda"));
      api.groupText(BotHarness.CAMAT_LURAH, "Camat dan Lurah", LURAH, "Siti", "/hadir");
      api.privateText(LURAH, "Siti", "/data_saya");
      api.privateText(ADMIN, "Rina", "/hapus_data " + CAMAT);
      var prompt = api.awaitMessage(ADMIN, t -> t.contains("Hapus data pribadi"));
      api.pressButton(ADMIN, "Rina", prompt.messageId(), ADMIN, "Rina", prompt.button("Ya, hapus"));
      api.awaitMessage(CAMAT, t -> t.contains("telah dihapus"));
      bot.awaitQuiet();
    } finally {
      root.detachAppender(log);
    }
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : log.list) {
      if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
        lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage() + causes(event.getThrowableProxy()));
      }
    }
    assertThat(lines).as("the scenario logged something").hasSizeGreaterThan(5);
    assertThat(lines).noneMatch(line -> line.matches("(?s).*(81234567890|Peredaran pil|Tawuran pelajar|Pendataan pos ronda|Siti|Aminah"
        + "|Budi Hartono|Heri|Susanto|Rina Wulandari|Blimbing \\||siti_kauman).*"));
  }

  /**
   * What gets logged when a statement fails is the exception's message: it names the statement, not the values bound
   * to it, and PostgreSQL's "Failing row contains (…)" detail is not asked for.
   */
  @Test
  void aFailedStatementsMessageHoldsNeitherItsArgumentsNorTheFailingRow() {
    try (TestDatabase schema = TestDatabase.create(); Database database = Database.connect(schema.url(), 2)) {
      Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> database.jdbi().useHandle(h -> h.createUpdate("""
          INSERT INTO report (id, number, reporter_id, reporter_name, chat_id, category, severity, description, created_at)
          VALUES (1, 'LAP-1', 5, :name, 5, 'narkoba', 'genting', :description, now())""")
          .bind("name", "Siti Aminah").bind("description", "Peredaran pil koplo di gang buntu").execute()));
      assertThat(failure).isNotNull();
      String all = causes(new ch.qos.logback.classic.spi.ThrowableProxy(failure));
      assertThat(all).contains("report_severity_check", "INSERT INTO report").doesNotContain("Siti", "Peredaran", "Failing row");
    }
  }

  private static String causes(IThrowableProxy proxy) {
    StringBuilder text = new StringBuilder();
    for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
      text.append(" | ").append(p.getClassName()).append(": ").append(p.getMessage());
    }
    return text.toString();
  }
}
