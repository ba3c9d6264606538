package id.rakorbot.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} with its {@code chromedriver}), as the dashboard's
 * end-to-end tests drive it. Screenshots go to {@code target/screenshots}; downloads to a fresh folder.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path downloads;
  private final Path profile;

  private Browser(ChromeDriver driver, Path downloads, Path profile) {
    this.driver = driver;
    this.downloads = downloads;
    this.profile = profile;
  }

  public static Browser start() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("The dashboard tests need Debian's chromium and chromium-driver: "
          + "apt-get install -y chromium chromium-driver (.ci/run installs them)");
    }
    Path downloads = Files.createTempDirectory("rakorbot-unduhan");
    Path profile = Files.createTempDirectory("rakorbot-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // The machine's network is closed: no background connections, no first-run, no updates.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--user-data-dir=" + profile, "--window-size=1600,1000", "--lang=id-ID");
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
        "download.prompt_for_download", false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1600, 1000));
    // Headless Chromium saves downloads only where the DevTools protocol says (chromedriver relays the command).
    driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Browser(driver, downloads, profile);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public String text(String css) {
    return find(css).getText();
  }

  /** Waits up to {@code seconds} for {@code css} to match exactly {@code count} elements. */
  public List<WebElement> awaitCount(String css, int count, int seconds) {
    new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d -> d.findElements(By.cssSelector(css)).size() == count);
    return all(css);
  }

  /** Waits for an element of {@code css} that contains {@code contained}; a page refreshing itself may replace it meanwhile. */
  public void awaitText(String css, String contained, int seconds) {
    new WebDriverWait(driver, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(contained)));
  }

  /** Saves the page as {@code target/screenshots/<name>.png}. */
  public Path screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      Path file = dir.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file the browser downloaded, once it is complete. */
  public Path awaitDownload(String name, int seconds) {
    Path file = downloads.resolve(name);
    new WebDriverWait(driver, Duration.ofSeconds(seconds))
        .withMessage(() -> "no " + name + " in " + downloads + ": " + java.util.Arrays.toString(downloads.toFile().list())
            + " at " + driver.getCurrentUrl() + ": " + driver.getPageSource().substring(0, Math.min(600, driver.getPageSource().length())))
        .until(d -> Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
    return file;
  }

  /** Messages the page logged to its console (CSP violations show here). */
  public List<String> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
  }

  /**
   * Shows pages as a screen {@code width}×{@code height} CSS pixels big; {@code phone} also honours the
   * viewport meta tag and touch, as Chromium does on Android. Pages opened afterwards use it.
   */
  public void emulate(int width, int height, boolean phone) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", phone));
    driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", phone));
  }

  /** Back to the window's own size. */
  public void stopEmulating() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
  }

  /**
   * The page's layout width, its viewport width, and the elements that reach past the viewport's right edge
   * (but not those a scrolling or clipping box holds, such as the map's panes).
   */
  public record Fit(long scrollWidth, long innerWidth, List<String> overflowing) {}

  @SuppressWarnings("unchecked")
  public Fit fit() {
    Map<String, Object> fit = (Map<String, Object>) driver.executeScript("""
        function clipped(e) {
          for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
            if (getComputedStyle(p).overflowX !== 'visible') { return true; }
          }
          return false;
        }
        var wide = Array.from(document.querySelectorAll('body *')).filter(function (e) {
          var r = e.getBoundingClientRect();
          return r.width > 0 && r.right > window.innerWidth + 0.5 && getComputedStyle(e).position !== 'fixed' && !clipped(e);
        }).slice(0, 8).map(function (e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')
          + ' right=' + Math.round(e.getBoundingClientRect().right); });
        return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, overflowing: wide};""");
    return new Fit(((Number) fit.get("scrollWidth")).longValue(), ((Number) fit.get("innerWidth")).longValue(),
        (List<String>) fit.get("overflowing"));
  }

  /** How many lines the text of each element of {@code css} takes. */
  @SuppressWarnings("unchecked")
  public List<Long> lines(String css) {
    return ((List<Number>) driver.executeScript("""
        return Array.from(document.querySelectorAll(arguments[0])).map(function (e) {
          var range = document.createRange();
          range.selectNodeContents(e);
          return new Set(Array.from(range.getClientRects()).filter(function (r) { return r.width > 0; })
            .map(function (r) { return Math.round(r.top); })).size;
        });""", css)).stream().map(Number::longValue).toList();
  }

  public void forgetCookies() {
    driver.manage().deleteAllCookies();
  }

  @Override
  public void close() {
    driver.quit();
    for (Path dir : List.of(downloads, profile)) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException ignored) {
        // a temporary folder
      }
    }
  }
}
