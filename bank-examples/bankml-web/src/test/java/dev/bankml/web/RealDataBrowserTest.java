package dev.bankml.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page over the real workspace (a small synthetic bank, models of both backends, the fitted
 * segmentation, the recommender) in headless Chromium; screenshots are saved as {@code real-*.png}.
 */
class RealDataBrowserTest {
  private static final Path SHOTS = Path.of("target", "screenshots");
  @TempDir static Path cache;
  private static UiSources sources;
  private static WebServer server;
  private static WebDriver driver;

  @BeforeAll
  static void start() throws IOException {
    ChromiumAvailable.require();
    sources = Workspace.prepare(new Workspace.Spec(Optional.empty(), Optional.empty(), cache, 800),
        ProgressListener.NONE, s -> {});
    server = WebServer.start(sources, "127.0.0.1", 0);
    Path profile = Files.createDirectories(cache.resolve("chromium"));
    driver = ChromiumAvailable.start(profile);
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static WebDriverWait waiting() {
    // pages re-render parts of themselves: an element found a moment ago may be replaced
    return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
  }

  private static void open(String path) {
    driver.get(server.url().resolve(path).toString());
  }

  private static void screenshot(String name) {
    long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.body.scrollHeight");
    driver.manage().window().setSize(new Dimension(1280, (int) Math.min(6000, Math.max(1000, height + 40))));
    try {
      Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  private static void assertChartsRendered(int atLeast) {
    waiting().until(d -> d.findElements(By.cssSelector("#charts img.chart")).size() >= atLeast);
    for (WebElement img : driver.findElements(By.cssSelector("#charts img.chart"))) {
      waiting().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
          "return arguments[0].complete && arguments[0].naturalWidth > 100", img));
    }
  }

  @Test
  void loanFormHasOneInputPerSchemaFieldAndAssessesTheTypicalApplicant() {
    List<InputField> schema = sources.scorers().get(0).schema();
    open("/");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("f-annual_income")));
    for (InputField f : schema) {
      assertThat(driver.findElements(By.id("f-" + f.name()))).as(f.name()).hasSize(1);
    }
    driver.findElement(By.id("assess")).click();
    WebElement probability =
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".answer .probability")));
    assertThat(Double.parseDouble(probability.getText().replace("%", "").trim())).isBetween(0.0, 100.0);
    assertThat(driver.findElements(By.cssSelector(".answer"))).hasSize(2);
    screenshot("real-loan");
  }

  @Test
  void modelPageRendersItsCharts() {
    open("/model.html");
    assertChartsRendered(7);
    screenshot("real-model");
  }

  @Test
  void segmentsPageShowsTheFittedSegmentsAndLooksUpACustomer() {
    SegmentsSource seg = sources.segments().orElseThrow();
    open("/segments.html");
    assertChartsRendered(5);
    assertThat(driver.findElements(By.cssSelector("#segments tbody tr"))).hasSize(seg.segments().size());
    String customer = sources.recommendations().orElseThrow().customers(1).get(0);
    String name = seg.segmentOf(customer).orElseThrow().name();
    driver.findElement(By.id("customer-id")).sendKeys(customer);
    driver.findElement(By.cssSelector("#lookup-form button")).click();
    waiting().until(d -> d.findElement(By.id("lookup-result")).getText().contains(name));
    screenshot("real-segments");
  }

  @Test
  void recommendationsPageShowsACustomersTopProducts() {
    open("/recommendations.html");
    waiting().until(d -> !d.findElements(By.cssSelector("#recommendation-table tr.recommendation")).isEmpty());
    waiting().until(d -> !d.findElements(By.cssSelector("#metrics-table tbody tr")).isEmpty());
    screenshot("real-recommendations");
  }
}
