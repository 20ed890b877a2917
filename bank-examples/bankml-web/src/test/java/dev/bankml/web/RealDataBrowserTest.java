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
import org.junit.jupiter.api.AfterEach;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page over the real workspace (a small synthetic bank, the demo models, the fitted
 * segmentation, the recommender) in headless Chromium, as a new user would try it; screenshots are
 * saved as {@code real-*.png}.
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

  @AfterEach
  void noSevereConsoleErrorsAndNoSnakeCase() {
    assertThat(ChromiumAvailable.severeConsoleErrors(driver)).isEmpty();
    assertThat(ChromiumAvailable.snakeCaseText(driver)).isEmpty();
  }

  private static WebDriverWait waiting() {
    // pages re-render parts of themselves: an element found a moment ago may be replaced
    return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class);
  }

  private static void open(String path) {
    driver.get(server.url().resolve(path).toString());
  }

  static void screenshot(WebDriver driver, String name) {
    long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.body.scrollHeight");
    driver.manage().window().setSize(new Dimension(1280, (int) Math.min(6000, Math.max(1000, height + 40))));
    try {
      Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  @Test
  void loanFormFillsFromACustomerAndBothModelsAnswer() {
    List<FormField> schema = sources.scorers().get(0).schema();
    open("/");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("f-annual_income")));
    for (FormField f : schema) {
      assertThat(driver.findElements(By.id("f-" + f.name()))).as(f.name()).hasSize(1);
    }
    assertThat(driver.findElements(By.cssSelector("fieldset.group"))).hasSizeGreaterThanOrEqualTo(3);
    assertThat(driver.findElements(By.cssSelector("fieldset.group details"))).isNotEmpty();
    String customer = sources.recommendations().orElseThrow().customers().get(3);
    String income = sources.applicants().orElseThrow().applicant(customer).orElseThrow().get("annual_income");
    driver.findElement(By.name("customer_id")).sendKeys(customer);
    driver.findElement(By.id("fill")).click();
    waiting().until(d -> d.findElement(By.id("fill-result")).getText().contains(customer));
    assertThat(driver.findElement(By.id("f-annual_income")).getAttribute("value")).isEqualTo(income);
    driver.findElement(By.id("assess")).click();
    waiting().until(d -> d.findElements(By.cssSelector(".answer .probability")).size() == 2);
    for (WebElement answer : driver.findElements(By.cssSelector(".answer"))) {
      assertThat(Double.parseDouble(answer.findElement(By.cssSelector(".probability")).getText().replace("%", "").trim()))
          .isBetween(0.0, 100.0);
      assertThat(answer.findElement(By.cssSelector(".grade")).getText()).matches("[A-G]");
    }
    waiting().until(d -> d.findElements(By.cssSelector(".answer .chart canvas")).size() == 2);
    screenshot(driver, "real-loan");
  }

  @Test
  void modelPageSwitchesBetweenTheLoadedModels() {
    open("/model.html");
    BrowserTest.assertChartsDrawnInThePage(driver, 7);
    WebElement name = driver.findElement(By.id("model-name"));
    assertThat(name.getText()).startsWith("tribuo · logistic");
    new Select(driver.findElement(By.id("model-select"))).selectByIndex(1);
    waiting().until(d -> d.findElement(By.id("model-name")).getText().startsWith("smile · gradient-boosting"));
    BrowserTest.assertChartsDrawnInThePage(driver, 7);
    assertThat(driver.findElement(By.id("metrics-source")).getText()).contains("held-out");
    assertThat(driver.findElements(By.cssSelector("#grades-table tbody tr"))).extracting(r -> r.getAttribute("data-grade"))
        .containsExactly("A", "B", "C", "D", "E", "F", "G");
    screenshot(driver, "real-model");
  }

  @Test
  void segmentsPageShowsTheFittedSegmentsWithDefaultRatesAndLooksUpACustomer() {
    SegmentsSource seg = sources.segments().orElseThrow();
    open("/segments.html");
    BrowserTest.assertChartsDrawnInThePage(driver, 4);
    assertThat(driver.findElements(By.cssSelector("#segments tbody tr"))).hasSize(seg.segments().size());
    assertThat(driver.findElements(By.cssSelector("#segments td.default-rate"))).allSatisfy(td -> assertThat(td.getText()).endsWith("%"));
    String customer = sources.recommendations().orElseThrow().customers().get(0);
    String name = seg.segmentOf(customer).orElseThrow().name();
    driver.findElement(By.id("customer-id")).sendKeys(customer);
    driver.findElement(By.cssSelector("#lookup-form button")).click();
    waiting().until(d -> d.findElement(By.id("lookup-result")).getText().contains(name));
    screenshot(driver, "real-segments");
    new Select(driver.findElement(By.id("k"))).selectByValue("4");
    driver.findElement(By.id("refit")).click();
    waiting().until(d -> d.findElements(By.cssSelector("#segments tbody tr")).size() == 4);
  }

  @Test
  void recommendationsPageShowsACustomersTopProductsAndTheMethod() {
    open("/recommendations.html");
    waiting().until(d -> !d.findElements(By.cssSelector("#recommendation-table tr.recommendation")).isEmpty());
    waiting().until(d -> !d.findElements(By.cssSelector("#metrics-table tbody tr")).isEmpty());
    assertThat(driver.findElement(By.id("method")).getText()).contains("Split date", "customers evaluated");
    screenshot(driver, "real-recommendations");
  }
}
