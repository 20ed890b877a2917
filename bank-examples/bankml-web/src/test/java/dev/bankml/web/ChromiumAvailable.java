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
   * A headless Chromium with the flags this closed network needs (no background networking, no
   * component updates) and its own profile directory.
   */
  static WebDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}
