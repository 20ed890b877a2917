package dev.bankml.web;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the browser tests. Locally a machine without Chromium and
 * ChromeDriver skips the browser tests; under CI (environment variable {@code CI} set) their absence
 * fails the build, so browser tests can never silently stop running there.
 */
final class ChromiumAvailable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private ChromiumAvailable() {}

  /** Skips (locally) or fails (in CI) the calling test class when Chromium is not installed. */
  static void require() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String why = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)";
    if (!present && System.getenv("CI") != null) {
      fail("CI must run the browser tests: " + why);
    }
    assumeTrue(present, why);
  }

  /**
   * The severe messages the page logged to the browser console since the last call, except the
   * network line Chromium logs for an API answer of 4xx (the page shows that answer to the user:
   * an unknown customer, a value out of range).
   */
  static java.util.List<String> severeConsoleErrors(WebDriver driver) {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .filter(e -> !e.getMessage().matches("(?s)\\S+/api/\\S* - Failed to load resource: the server responded with a status of 4\\d\\d.*"))
        .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
  }

  /**
   * Visible words in snake_case (two or more lower-case words joined by underscores) on the page,
   * outside inputs: a label a person should never have to read.
   */
  static java.util.List<String> snakeCaseText(WebDriver driver) {
    String text = (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.body.innerText");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b").matcher(text);
    java.util.List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /**
   * A headless Chromium with the flags this closed network needs (no background networking, no
   * component updates) and its own profile directory.
   */
  static WebDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1000");
    // keep the page's console so tests can assert it logged no severe error
    org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
    logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}
