package id.rakorbot.webapp;

import static id.rakorbot.support.BotHarness.FORKOPIMDA;
import static id.rakorbot.support.BotHarness.LURAH;
import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.Browser;
import id.rakorbot.support.TcpProxy;
import id.rakorbot.support.TestClocks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Mini App in headless Chromium at 360×740, opened as Telegram opens it (initData in the fragment, signed with the
 * bot token): a siaga report found by typing "tawran", with a location, stored once and answered in the chat; then
 * offline, sent twice, the page closed and opened again, the network back: one report, sent by the page itself.
 */
class MiniAppBrowserTest {

  @Test
  void aLurahReportsFromTheFormOnlineAndOffline() throws Exception {
    var clock = TestClocks.movableWib("2026-11-25T10:00:00");
    try (BotHarness bot = BotHarness.start(BotHarness.withReporters(0, 900000), clock); Browser browser = Browser.start();
        TcpProxy signal = new TcpProxy("127.0.0.1:" + bot.rakorbot().operationsPort().orElseThrow())) {
      BotApiEmulator api = bot.api();
      // The phone reaches the bot through a link the test can cut: DevTools' offline mode is re-applied only after a
      // navigation commits, so a reopened page could otherwise slip a request out before it.
      String origin = "http://" + signal.hostPort();
      String initData = InitDataTest.signed(LURAH, clock.instant().minusSeconds(30), BotApiEmulator.TOKEN);
      String url = origin + "/app/#tgWebAppData=" + URLEncoder.encode(initData, StandardCharsets.UTF_8)
          + "&tgWebAppThemeParams=" + URLEncoder.encode("{\"bg_color\":\"#ffffff\",\"button_color\":\"#2481cc\"}", StandardCharsets.UTF_8);
      browser.emulate(360, 740, true);
      browser.driver().executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin, "permissions", java.util.List.of("geolocation")));
      browser.driver().executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", -7.9797, "longitude", 112.6304, "accuracy", 10));
      browser.open(url);
      browser.awaitCount("body.siap", 1, 15);

      // 1. Online: "tawran" offers Tawuran; siaga; a description; the phone's location.
      browser.find("#cari-kategori").sendKeys("tawran");
      browser.awaitText("#daftar-kategori li:first-child button", "Tawuran", 5);
      browser.find("#daftar-kategori li:first-child button").click();
      assertThat(browser.text("#kategori-terpilih")).isEqualTo("Kategori: Tawuran");
      browser.find("input[name=tingkat][value=siaga]").click();
      browser.find("#uraian").sendKeys("Dua kelompok pelajar berkumpul membawa senjata tajam di lapangan");
      assertThat(browser.text("#hitung-uraian")).isEqualTo("64");
      browser.find("#ambil-lokasi").click();
      browser.awaitText("#lokasi", "Lokasi: -7.97970, 112.63040", 10);
      browser.screenshot("app-lapor-360");
      browser.find("#kirim").click();
      browser.awaitText("#status", "Terkirim: LAP-", 15);
      String first = number(browser.text("#status"));
      assertThat(count(bot, "SELECT count(*) FROM report WHERE number = '" + first + "' AND category = 'tawuran' AND severity = 'siaga'"
          + " AND area = 'Kauman' AND latitude IS NOT NULL")).isEqualTo(1);
      assertThat(api.awaitMessage(LURAH, t -> t.contains(first)).text()).contains("tercatat");
      assertThat(api.awaitMessage(FORKOPIMDA, t -> t.contains(first)).text()).contains("SIAGA");
      browser.screenshot("app-terkirim-360");

      // 2. Offline: sent twice, the page closed and opened again, then the signal returns.
      new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
          .until(d -> Boolean.TRUE.equals(browser.driver().executeScript("return !!navigator.serviceWorker.controller")));
      offline(browser, signal, true);
      browser.find("#cari-kategori").sendKeys("narkoba");
      browser.awaitText("#daftar-kategori li:first-child button", "Narkoba", 5);
      browser.find("#daftar-kategori li:first-child button").click();
      browser.find("#uraian").sendKeys("Transaksi pil di gang buntu, dua orang");
      browser.find("#kirim").click();
      browser.awaitText("#status", "Menunggu sinyal", 10);
      browser.find("#kirim").click();
      browser.awaitText("#status", "Menunggu sinyal", 10);
      browser.screenshot("app-menunggu-sinyal-360");
      browser.open(origin + "/app/"); // closed and opened again, still without signal (Telegram gives the fragment again; here it is the stored one)
      browser.awaitCount("body.siap", 1, 15);
      browser.awaitText("#status", "Menunggu sinyal", 10);
      assertThat(count(bot, "SELECT count(*) FROM report WHERE description = 'Transaksi pil di gang buntu, dua orang'")).isZero();
      offline(browser, signal, false);
      browser.awaitText("#status", "Terkirim: LAP-", 20);
      String second = number(browser.text("#status"));
      bot.awaitQuiet();
      assertThat(count(bot, "SELECT count(*) FROM report WHERE description = 'Transaksi pil di gang buntu, dua orang'")).isEqualTo(1);
      assertThat(api.messagesTo(LURAH).stream().filter(m -> m.text().contains(second)).count()).isEqualTo(1);

      // 3. Laporanku lists both.
      browser.find("#tab-laporanku").click();
      browser.awaitText("#daftar-laporanku", second, 10);
      assertThat(browser.text("#daftar-laporanku")).contains(first, "Tawuran · SIAGA · Kauman");
      browser.screenshot("app-laporanku-360");
      assertThat(browser.fit().scrollWidth()).as("fits 360 px").isLessThanOrEqualTo(360);
    }
  }

  /**
   * No signal: the link cut, and DevTools' network emulation through chromedriver (which keeps it across navigations,
   * a raw CDP command does not) so that the page sees {@code navigator.onLine} and its {@code online} event as on a phone.
   */
  private static void offline(Browser browser, TcpProxy signal, boolean offline) {
    if (offline) {
      signal.cut();
    } else {
      signal.restore();
    }
    var conditions = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
    conditions.setOffline(offline);
    browser.driver().setNetworkConditions(conditions);
  }

  private static String number(String text) {
    Matcher m = Pattern.compile("LAP-\\d{4}-\\d{6}").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group();
  }

  private static long count(BotHarness bot, String sql) {
    return bot.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
