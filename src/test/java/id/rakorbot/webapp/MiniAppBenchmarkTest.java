package id.rakorbot.webapp;

import static id.rakorbot.support.BotHarness.LURAH;
import static org.assertj.core.api.Assertions.assertThat;

import id.rakorbot.support.BotApiEmulator;
import id.rakorbot.support.BotHarness;
import id.rakorbot.support.Browser;
import id.rakorbot.support.TestClocks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Mini App's weight and first render on a slow line (a benchmark: {@code -Pbench}; 30 s of Slow 3G round trips). */
@Tag("benchmark")
class MiniAppBenchmarkTest {

  /**
   * The page's weight (HTML, script, style, the form's data) and its first contentful paint under DevTools' "Slow 3G"
   * (2,000 ms round trip, 50 kB/s each way), the first time and when opened again (the service worker's copy):
   * printed, median of five, not asserted against a timer.
   */
  @Test
  void pageWeightAndFirstRenderOnSlow3g() throws Exception {
    var clock = TestClocks.movableWib("2026-11-25T10:00:00");
    try (BotHarness bot = BotHarness.start(BotHarness.withReporters(0, 900000), clock); Browser browser = Browser.start()) {
      String origin = "http://127.0.0.1:" + bot.rakorbot().operationsPort().orElseThrow();
      String fragment = "#tgWebAppData=" + URLEncoder.encode(
          InitDataTest.signed(LURAH, clock.instant().minusSeconds(30), BotApiEmulator.TOKEN), StandardCharsets.UTF_8);
      browser.emulate(360, 740, true);
      browser.open(origin + "/app/" + fragment);
      browser.awaitCount("body.siap", 1, 15);
      long bytes = ((Number) browser.driver().executeScript("""
          var n = performance.getEntriesByType('navigation')[0];
          return performance.getEntriesByType('resource').reduce(function (s, r) { return s + r.encodedBodySize; }, n.encodedBodySize);""")).longValue();
      new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
          .until(d -> Boolean.TRUE.equals(browser.driver().executeScript("return !!navigator.serviceWorker.controller")));
      var slow = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
      slow.setLatency(Duration.ofMillis(2000));
      slow.setDownloadThroughput(50_000);
      slow.setUploadThroughput(50_000);
      java.util.List<Double> again = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        browser.driver().setNetworkConditions(slow);
        browser.open(origin + "/app/?ulang=" + i + fragment); // a query, not only a fragment: a real navigation
        again.add(firstPaint(browser));
      }
      browser.driver().deleteNetworkConditions();
      browser.driver().executeScript("return navigator.serviceWorker.getRegistrations().then(function (rs) { return Promise.all(rs.map(function (r) { return r.unregister(); })); })");
      browser.driver().executeScript("return caches.keys().then(function (ks) { return Promise.all(ks.map(function (k) { return caches.delete(k); })); })");
      java.util.List<Double> first = firstVisits(browser, origin, fragment, slow, "pertama");
      // DevTools' "Fast 3G" (now "Slow 4G"): 562.5 ms round trip, 180 kB/s: the line most kelurahan have on a bad day.
      var fast3g = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
      fast3g.setLatency(Duration.ofMillis(563));
      fast3g.setDownloadThroughput(180_000);
      fast3g.setUploadThroughput(84_000);
      java.util.List<Double> firstFast = firstVisits(browser, origin, fragment, fast3g, "cepat");
      System.out.printf("Mini App page weight %,d bytes (HTML, script, style, form data); first contentful paint, median of 5:"
          + " Slow 3G first visit %.0f ms (%.0f–%.0f), opened again %.0f ms (%.0f–%.0f); Fast 3G first visit %.0f ms (%.0f–%.0f)%n", bytes,
          median(first), min(first), max(first), median(again), min(again), max(again), median(firstFast), min(firstFast), max(firstFast));
      assertThat(bytes).as("the page before photos and map tiles").isLessThanOrEqualTo(150 * 1024);
    }
  }

  /** Five first visits on this line: no HTTP cache, no service worker. */
  private static java.util.List<Double> firstVisits(Browser browser, String origin, String fragment,
      org.openqa.selenium.chromium.ChromiumNetworkConditions line, String label) {
    java.util.List<Double> paints = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      browser.driver().executeCdpCommand("Network.clearBrowserCache", Map.of());
      browser.driver().setNetworkConditions(line);
      browser.open(origin + "/app/?" + label + "=" + i + fragment);
      paints.add(firstPaint(browser));
      browser.driver().deleteNetworkConditions();
      browser.driver().executeScript("return navigator.serviceWorker.getRegistrations().then(function (rs) {"
          + " return Promise.all(rs.map(function (r) { return r.unregister(); })); })");
    }
    return paints;
  }

  private static double firstPaint(Browser browser) {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> {
      Object paint = browser.driver().executeScript(
          "var p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : null;");
      return paint == null ? null : ((Number) paint).doubleValue();
    });
  }

  private static double median(java.util.List<Double> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }

  private static double min(java.util.List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  private static double max(java.util.List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }

}
