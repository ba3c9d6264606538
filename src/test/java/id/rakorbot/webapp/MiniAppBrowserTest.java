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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Mini App in headless Chromium at 360×740, opened as Telegram opens it (initData in the fragment, signed with the
 * bot token), inside an emulated Telegram client that answers LocationManager and DeviceStorage over the clients'
 * event bridge: a siaga report found by typing "tawran", with a photo and a location, stored once and answered in the
 * chat, its alert and photo in the alert group; then offline, sent twice, the page's own storage wiped and the page
 * opened again, the network back: one report, recovered from DeviceStorage; "Laporanku" with a correction; "Tindak
 * lanjut saya" closed with a photo; and outside Telegram with no GPS, a pin on the map.
 */
class MiniAppBrowserTest {

  static final long NOTULIS = BotHarness.NOTULIS;

  /**
   * What a Telegram client does for the page (Android's {@code TelegramWebviewProxy}): it answers LocationManager
   * with its own fix and keeps DeviceStorage outside the page's storage (here under a key the page never touches).
   */
  static final String TELEGRAM_CLIENT = """
      (function () {
        var KEY = 'emulated-telegram-device-storage';
        function stored() { try { return JSON.parse(localStorage.getItem(KEY) || '{}'); } catch (e) { return {}; } }
        window.__telegramEvents = [];
        window.TelegramWebviewProxy = { postEvent: function (type, data) {
          var d = JSON.parse(data || '{}');
          window.__telegramEvents.push(type);
          function answer(t, payload) { setTimeout(function () { window.Telegram.WebView.receiveEvent(t, payload); }, 5); }
          if (type === 'web_app_check_location') { answer('location_checked', { available: true, access_requested: true, access_granted: true }); }
          if (type === 'web_app_request_location') {
            answer('location_requested', { available: true, latitude: -7.9812, longitude: 112.6219, horizontal_accuracy: 8 });
          }
          if (type === 'web_app_device_storage_save_key') {
            var s = stored(); s[d.key] = d.value; localStorage.setItem(KEY, JSON.stringify(s));
            answer('device_storage_key_saved', { req_id: d.req_id });
          }
          if (type === 'web_app_device_storage_get_key') { answer('device_storage_key_received', { req_id: d.req_id, value: stored()[d.key] || null }); }
        } };
      }());
      """;

  @Test
  void aLurahReportsFromTheFormOnlineAndOffline() throws Exception {
    var clock = TestClocks.movableWib("2026-11-25T10:00:00");
    String config = BotHarness.withNotulis(BotHarness.withReporters(0, 900000));
    Path photo = Files.createTempFile("kamera", ".jpg");
    Files.write(photo, WebAppApiTest.jpeg(3000, 2000)); // as a phone's camera takes it: the page scales it down
    try (BotHarness bot = BotHarness.start(config, clock); Browser browser = Browser.start();
        TcpProxy signal = new TcpProxy("127.0.0.1:" + bot.rakorbot().operationsPort().orElseThrow())) {
      BotApiEmulator api = bot.api();
      api.groupText(FORKOPIMDA, "Forkopimda", NOTULIS, "Dewi", "/arahan @" + LURAH + " 28/11 Kerja bakti di Kauman");
      api.awaitMessage(FORKOPIMDA, text -> text.contains("TL-2026-0001"));
      // The phone reaches the bot through a link the test can cut: DevTools' offline mode is re-applied only after a
      // navigation commits, so a reopened page could otherwise slip a request out before it.
      String origin = "http://" + signal.hostPort();
      String initData = InitDataTest.signed(LURAH, clock.instant().minusSeconds(30), BotApiEmulator.TOKEN);
      String url = origin + "/app/#tgWebAppData=" + URLEncoder.encode(initData, StandardCharsets.UTF_8) + "&tgWebAppVersion=9.1"
          + "&tgWebAppThemeParams=" + URLEncoder.encode("{\"bg_color\":\"#ffffff\",\"button_color\":\"#2481cc\"}", StandardCharsets.UTF_8);
      browser.emulate(360, 740, true);
      String telegram = String.valueOf(browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
          Map.of("source", TELEGRAM_CLIENT)).get("identifier"));
      browser.open(url);
      browser.awaitCount("body.siap", 1, 15);

      // 1. Online: "tawran" offers Tawuran; siaga; a description; the time; a photo; Telegram's location.
      browser.find("#cari-kategori").sendKeys("tawran");
      browser.awaitText("#daftar-kategori li:first-child button", "Tawuran", 5);
      browser.find("#daftar-kategori li:first-child button").click();
      assertThat(browser.text("#kategori-terpilih")).isEqualTo("Kategori: Tawuran");
      browser.find("input[name=tingkat][value=siaga]").click();
      browser.driver().executeScript("window.scrollTo(0, 0)");
      browser.screenshot("app-formulir-360");
      browser.find("#uraian").sendKeys("Dua kelompok pelajar berkumpul membawa senjata tajam di lapangan");
      assertThat(browser.text("#hitung-uraian")).isEqualTo("64");
      browser.driver().executeScript("var w = document.getElementById('waktu'); w.value = '2026-11-25T09:40';"
          + " w.dispatchEvent(new Event('change'));");
      browser.find("#foto-galeri").sendKeys(photo.toString());
      browser.awaitCount("#daftar-foto img", 1, 10);
      browser.find("#ambil-lokasi").click();
      browser.awaitText("#lokasi", "Lokasi: -7.98120, 112.62190", 10); // LocationManager's fix, not the browser's
      browser.screenshot("app-lapor-360");
      browser.find("#kirim").click();
      browser.awaitText("#status", "Terkirim: LAP-", 15);
      String first = number(browser.text("#status"));
      assertThat(count(bot, "SELECT count(*) FROM report WHERE number = '" + first + "' AND category = 'tawuran' AND severity = 'siaga'"
          + " AND area = 'Kauman' AND latitude = -7.9812 AND occurred_at = '2026-11-25T09:40:00+07:00'")).isEqualTo(1);
      assertThat(count(bot, "SELECT count(*) FROM report_photo p JOIN report r ON r.id = p.report_id WHERE r.number = '" + first
          + "' AND p.width = 1280 AND p.height = 853")).as("scaled on the phone, kept").isEqualTo(1);
      assertThat(api.awaitMessage(LURAH, t -> t.contains(first)).text()).contains("tercatat", "Foto: 1 terlampir");
      assertThat(api.awaitMessage(FORKOPIMDA, t -> t.contains(first)).text()).contains("SIAGA");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> api.calls("sendPhoto").stream()
          .anyMatch(c -> c.params().path("chat_id").asLong() == FORKOPIMDA && c.params().path("caption").asText().contains(first)));
      browser.screenshot("app-terkirim-360");

      // 2. Offline: sent twice; the page's own storage wiped and the page opened again; then the signal returns.
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
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> String.valueOf(browser.driver().executeScript(
          "return localStorage.getItem('emulated-telegram-device-storage')")).contains("Transaksi pil di gang buntu"));
      browser.driver().executeScript("localStorage.removeItem('rakorbot.formulir.v1')"); // a webview that lost its storage
      browser.open(origin + "/app/"); // closed and opened again, still without signal
      browser.awaitCount("body.siap", 1, 15);
      browser.awaitText("#status", "Menunggu sinyal", 10);
      assertThat(count(bot, "SELECT count(*) FROM report WHERE description = 'Transaksi pil di gang buntu, dua orang'")).isZero();
      offline(browser, signal, false);
      browser.awaitText("#status", "Terkirim: LAP-", 20);
      String second = number(browser.text("#status"));
      bot.awaitQuiet();
      assertThat(count(bot, "SELECT count(*) FROM report WHERE description = 'Transaksi pil di gang buntu, dua orang'")).isEqualTo(1);
      assertThat(api.messagesTo(LURAH).stream().filter(m -> m.text().contains(second)).count()).isEqualTo(1);

      // 3. Laporanku lists both, and corrects the first within its 24 hours.
      browser.find("#tab-laporanku").click();
      browser.awaitText("#daftar-laporanku", second, 10);
      assertThat(browser.text("#daftar-laporanku")).contains(first, "Tawuran · SIAGA · Kauman");
      var firstItem = browser.all("#daftar-laporanku li").stream().filter(li -> li.getText().contains(first)).findFirst().orElseThrow();
      firstItem.findElement(By.cssSelector("button.kecil")).click();
      var correction = firstItem.findElement(By.cssSelector("textarea"));
      correction.clear();
      correction.sendKeys("Dua kelompok pelajar, sekitar 30 orang, membawa senjata tajam");
      browser.screenshot("app-laporanku-360");
      firstItem.findElement(By.cssSelector("button.kedua")).click();
      browser.awaitText("#status", "Koreksi " + first + " tercatat", 10);
      assertThat(count(bot, "SELECT count(*) FROM report_correction c JOIN report r ON r.id = c.report_id WHERE r.number = '" + first
          + "' AND c.text LIKE '%sekitar 30 orang%'")).isEqualTo(1);

      // 4. Tindak lanjut saya: the arahan closed with a photo as evidence.
      browser.find("#tab-tindaklanjut").click();
      browser.awaitText("#daftar-tindaklanjut", "TL-2026-0001", 10);
      browser.find("#tl-TL-2026-0001 textarea").sendKeys("Selokan bersih, 40 warga ikut");
      browser.find("#tl-TL-2026-0001 input.foto-bukti").sendKeys(photo.toString());
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> browser.find("#tl-TL-2026-0001 img.pratinjau").isDisplayed());
      browser.screenshot("app-tindak-lanjut-360");
      browser.find("#tl-TL-2026-0001 button.selesai").click();
      browser.awaitText("#status", "ditandai selesai", 10);
      assertThat(count(bot, "SELECT count(*) FROM follow_up WHERE number = 'TL-2026-0001' AND status = 'done'")).isEqualTo(1);
      assertThat(count(bot, "SELECT count(*) FROM follow_up_photo WHERE width = 1280")).isEqualTo(1);
      assertThat(browser.fit().scrollWidth()).as("fits 360 px").isLessThanOrEqualTo(360);
      assertThat(String.valueOf(browser.driver().executeScript("return window.__telegramEvents.join(' ')")))
          .contains("web_app_ready", "web_app_device_storage_get_key");

      // 5. Outside Telegram, the location refused: a pin on the map, which draws without tiles; then "Nihil hari ini".
      browser.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", telegram));
      browser.driver().executeCdpCommand("Browser.setPermission", Map.of("origin", origin, "permission", Map.of("name", "geolocation"),
          "setting", "denied"));
      browser.open(origin + "/app/");
      browser.awaitCount("body.siap", 1, 15);
      browser.find("#ambil-lokasi").click();
      browser.awaitText("#galat-lokasi", "Ketuk tempat kejadian di peta", 10);
      browser.awaitCount("#peta.leaflet-container", 1, 10);
      new Actions(browser.driver()).moveToElement(browser.find("#peta"), 20, 10).click().perform();
      browser.awaitText("#lokasi", "Lokasi: -7.9", 5);
      browser.screenshot("app-peta-360");
      browser.find("#nihil").click();
      browser.awaitText("#status", "Terkirim: LAP-", 10);
      assertThat(count(bot, "SELECT count(*) FROM report WHERE nihil AND reporter_id = " + LURAH + " AND area = 'Kauman'")).isEqualTo(1);
    } finally {
      Files.deleteIfExists(photo);
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
