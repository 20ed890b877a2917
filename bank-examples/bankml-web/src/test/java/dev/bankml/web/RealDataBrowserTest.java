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
    // each reason says how big it is: the applicant's value and the points it costs or earns
    assertThat(driver.findElements(By.cssSelector(".answer .reason"))).isNotEmpty()
        .allSatisfy(r -> assertThat(r.getText()).containsPattern("(costs|earns) [0-9,]+ points \\([-+][0-9.]+ log-odds\\)"));
    screenshot(driver, "real-loan");
  }

  @Test
  void batchScoringListsEachRefusedRowWithItsLineAndScoresTheOthers() throws IOException {
    List<FormField> schema = sources.scorers().get(0).schema();
    List<String> typical = schema.stream().map(FormField::typical).toList();
    List<String> bad = new java.util.ArrayList<>(typical);
    bad.set(schema.stream().map(FormField::name).toList().indexOf("annual_income"), "abc");
    Path csv = cache.resolve("applications.csv");
    Files.write(csv, List.of(String.join(",", schema.stream().map(FormField::name).toList()), String.join(",", typical),
        String.join(",", bad), String.join(",", typical)));
    open("/");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("f-annual_income")));
    assertThat(driver.findElement(By.id("template")).getAttribute("href")).endsWith("/api/score/template.csv");
    driver.findElement(By.id("batch-file")).sendKeys(csv.toAbsolutePath().toString());
    driver.findElement(By.id("batch-run")).click();
    waiting().until(d -> !d.findElement(By.id("batch-summary")).getText().isEmpty());
    assertThat(driver.findElement(By.id("batch-summary")).getText()).startsWith("2 rows scored, 1 refused");
    assertThat(driver.findElements(By.cssSelector("#batch-errors li"))).singleElement()
        .satisfies(li -> assertThat(li.getText()).startsWith("line 3: Annual income \u2018abc\u2019: is not a number"));
    WebElement download = driver.findElement(By.id("batch-download"));
    assertThat(download.isDisplayed()).isTrue();
    assertThat(download.getAttribute("href")).startsWith("blob:");
  }

  @Test
  void modelPageSwitchesBetweenTheLoadedModels() {
    open("/model.html");
    BrowserTest.assertChartsDrawnInThePage(driver, 7);
    WebElement name = driver.findElement(By.id("model-name"));
    assertThat(name.getText()).startsWith("tribuo · logistic");
    new Select(driver.findElement(By.id("model-select"))).selectByIndex(1);
    waiting().until(d -> d.findElement(By.id("model-name")).getText().startsWith("xgboost · gradient-boosting"));
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
  void recommendationsPageFindsACustomerAndShowsTheirTopProductsWithWhyAndTheMethod() {
    RecommendationsSource rec = sources.recommendations().orElseThrow();
    // a customer holding two or more products, so that each recommendation has held products behind it
    String customer = rec.customers().stream().filter(c -> rec.holdings(c).orElseThrow().size() >= 2).skip(5)
        .findFirst().orElseThrow();
    List<String> held = rec.holdings(customer).orElseThrow();
    List<RecommendationsSource.Recommendation> expected = rec.recommend(customer, 5);
    open("/recommendations.html");
    waiting().until(d -> !d.findElements(By.cssSelector("#metrics-table tbody tr")).isEmpty());
    WebElement search = driver.findElement(By.id("customer-id"));
    search.clear();
    search.sendKeys(customer.substring(customer.length() - 4));
    // type-ahead: the customer is offered among the matches of what was typed
    waiting().until(d -> d.findElements(By.cssSelector("#customer-options option")).stream()
        .anyMatch(o -> customer.equals(o.getAttribute("value"))));
    search.clear();
    search.sendKeys(customer);
    driver.findElement(By.cssSelector("#pick-form button[type=submit]")).click();
    waiting().until(d -> d.findElement(By.cssSelector("#recommendations h2")).getText().equals("Customer " + customer));

    assertThat(driver.findElements(By.cssSelector("#holdings li"))).extracting(WebElement::getText)
        .containsExactlyInAnyOrderElementsOf(held);
    List<WebElement> rows = driver.findElements(By.cssSelector("#recommendation-table tr.recommendation"));
    assertThat(rows).extracting(r -> r.findElements(By.tagName("td")).get(1).getText())
        .containsExactlyElementsOf(expected.stream().map(RecommendationsSource.Recommendation::product).toList())
        .doesNotContainAnyElementsOf(held);
    for (int i = 0; i < rows.size(); i++) {
      List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
      assertThat(cells.get(0).getText()).isEqualTo(Integer.toString(i + 1));
      assertThat(Double.parseDouble(cells.get(2).getText())).isCloseTo(expected.get(i).score(), org.assertj.core.data.Offset.offset(5e-4));
      // why: the held products that lead to it, each one the customer holds
      if (!expected.get(i).because().isEmpty()) {
        assertThat(cells.get(3).getText()).startsWith("Held: ");
        assertThat(held).anyMatch(h -> cells.get(3).getText().contains(h));
      }
    }
    assertThat(driver.findElement(By.id("score-meaning")).getText()).isEqualTo(rec.scoreMeaning());
    RecommendationsSource.Evaluation e = rec.evaluation();
    assertThat(driver.findElement(By.id("method")).getText())
        .contains("Split date " + e.splitDate(), String.format(java.util.Locale.US, "%,d customers evaluated", e.customers()),
            "top k = " + e.k());
    assertThat(driver.findElements(By.cssSelector("#metrics-table tbody tr"))).hasSize(rec.offlineMetrics().size());
    screenshot(driver, "real-recommendations");

    // filter by segment: the page switches to a customer of that segment and says which segment it is
    SegmentsSource seg = sources.segments().orElseThrow();
    SegmentsSource.Segment last = seg.segments().get(seg.segments().size() - 1);
    new Select(driver.findElement(By.id("segment-filter"))).selectByValue(Integer.toString(last.id()));
    waiting().until(d -> d.findElement(By.id("customer-segment")).getText().startsWith("Segment " + last.id() + ": " + last.name()));
    assertThat(driver.findElement(By.id("matches")).getText()).isEqualTo(
        String.format(java.util.Locale.US, "%,d customers in this selection", last.size()));
  }
}
