package dev.bankml.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Drives Debian's headless Chromium through every page's main flow over stand-in sources; saves a screenshot of each. */
class BrowserTest {
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static WebServer server;
  private static WebDriver driver;
  private static Path profile;

  @BeforeAll
  static void start() throws IOException {
    ChromiumAvailable.require();
    server = WebServer.start(FakeSources.all(), "127.0.0.1", 0);
    profile = Files.createTempDirectory("bankml-chromium");
    driver = ChromiumAvailable.start(profile);
    driver.manage().window().setSize(new Dimension(1280, 1000));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @AfterEach
  void noSevereConsoleErrorsAndNoSnakeCase() {
    assertThat(ChromiumAvailable.severeConsoleErrors(driver)).isEmpty();
    assertThat(ChromiumAvailable.snakeCaseText(driver)).isEmpty();
  }

  private static WebDriverWait waiting() {
    // pages re-render parts of themselves: an element found a moment ago may be replaced
    return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
  }

  private static void open(String path) {
    driver.get(server.url().resolve(path).toString());
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private static void screenshot(String name) {
    long height = (Long) js("return document.body.scrollHeight");
    driver.manage().window().setSize(new Dimension(1280, (int) Math.min(4000, Math.max(1000, height + 40))));
    byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    try {
      Files.write(SHOTS.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  private static void type(By field, String text) {
    WebElement input = driver.findElement(field);
    input.clear();
    input.sendKeys(text);
  }

  /** Every chart of the page is drawn in the page (a canvas), none is a picture from the server. */
  static void assertChartsDrawnInThePage(WebDriver d, int atLeast) {
    new WebDriverWait(d, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
        .until(x -> x.findElements(By.cssSelector("#charts .chart canvas")).size() >= atLeast);
    assertThat(d.findElements(By.cssSelector("main img"))).isEmpty();
  }

  private static double percent(WebElement e) {
    return Double.parseDouble(e.getText().replace("%", "").trim());
  }

  @Test
  void loanFormHasSectionsFillsFromACustomerAndEveryModelAnswers() {
    open("/");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("f-debt_to_income")));
    assertThat(driver.findElements(By.cssSelector("fieldset.group"))).hasSizeGreaterThanOrEqualTo(3);
    assertThat(driver.findElement(By.cssSelector("label[for=f-debt_to_income]")).getText())
        .isEqualTo("Debt-to-income ratio (ratio)");
    assertThat(new Select(driver.findElement(By.id("f-employed"))).getFirstSelectedOption().getText()).isEqualTo("Yes");
    type(By.name("customer_id"), "C7");
    driver.findElement(By.id("fill")).click();
    waiting().until(d -> d.findElement(By.id("fill-result")).getText().contains("customer C7 as of 2025-01-01"));
    assertThat(driver.findElement(By.id("f-debt_to_income")).getAttribute("value")).isEqualTo("0.95");
    assertThat(new Select(driver.findElement(By.id("f-employed"))).getFirstSelectedOption().getText()).isEqualTo("No");
    driver.findElement(By.id("assess")).click();
    waiting().until(d -> d.findElements(By.cssSelector(".answer .probability")).size() == 2);
    List<WebElement> answers = driver.findElements(By.cssSelector(".answer"));
    assertThat(answers).hasSize(2);
    for (WebElement answer : answers) {
      assertThat(answer.findElement(By.cssSelector(".probability")).getText()).endsWith("%");
      assertThat(answer.findElements(By.cssSelector("li.reason"))).isNotEmpty();
      assertThat(answer.findElement(By.cssSelector("li.reason")).getText()).contains("log-odds");
    }
    assertThat(driver.findElement(By.cssSelector(".answer .decision")).getText()).isEqualTo("decline");
    waiting().until(d -> d.findElements(By.cssSelector(".answer .chart canvas")).size() == 2);
    screenshot("loan");
  }

  @Test
  void whatIfSlidersRescoreLive() {
    open("/");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("f-loan_amount")));
    driver.findElement(By.id("assess")).click();
    WebElement probability = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".answer .probability")));
    double before = percent(probability);
    WebElement slider = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("whatif-loan_amount")));
    js("arguments[0].value = arguments[0].max; arguments[0].dispatchEvent(new Event('input'))", slider);
    waiting().until(d -> percent(d.findElement(By.cssSelector(".answer .probability"))) > before);
    assertThat(driver.findElement(By.id("f-loan_amount")).getAttribute("value")).isEqualTo("50000");
    screenshot("loan-what-if");
  }

  @Test
  void everyInvalidFieldIsFlaggedAtOnce() {
    open("/");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("f-loan_amount")));
    type(By.id("f-loan_amount"), "abc");
    type(By.id("f-debt_to_income"), "9");
    driver.findElement(By.id("assess")).click();
    WebElement amount = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-loan_amount")));
    waiting().until(d -> !amount.getText().isEmpty());
    assertThat(amount.getText()).contains("not a number");
    assertThat(driver.findElement(By.id("error-debt_to_income")).getText()).contains("out of range", "from 0 to 1.5");
    assertThat(driver.findElements(By.cssSelector(".field.invalid"))).hasSize(2);
    assertThat(driver.findElement(By.id("form-error")).getText()).isEqualTo("2 fields need attention.");
    assertThat(driver.findElements(By.cssSelector(".answer"))).isEmpty();
    screenshot("loan-invalid");
  }

  @Test
  void modelPageDrawsItsChartsInThePageAndTheSliderUpdatesTheRates() {
    open("/model.html");
    assertChartsDrawnInThePage(driver, 7);
    assertThat(driver.findElements(By.cssSelector("#grades-table tbody tr"))).extracting(r -> r.getAttribute("data-grade"))
        .containsExactly("A", "B", "C", "D", "E");
    assertThat(driver.findElement(By.id("metrics-source")).getText()).contains("held-out");
    WebElement approval = driver.findElement(By.id("approval-rate"));
    waiting().until(d -> approval.getText().endsWith("%"));
    String before = approval.getText();
    js("arguments[0].value = 0.9; arguments[0].dispatchEvent(new Event('input'))", driver.findElement(By.id("threshold")));
    waiting().until(d -> !approval.getText().equals(before));
    assertThat(driver.findElement(By.id("threshold-value")).getText()).isEqualTo("0.90");
    assertThat(percent(approval)).isGreaterThan(Double.parseDouble(before.replace("%", "").trim()));
    assertThat(driver.findElement(By.id("bad-rate")).getText()).endsWith("%");
    screenshot("model");
  }

  @Test
  void segmentsPageShowsDefaultRatesHowKWasChosenAndLooksUpACustomer() {
    open("/segments.html");
    assertChartsDrawnInThePage(driver, 4);
    assertThat(driver.findElements(By.cssSelector("#segments tbody tr"))).hasSize(3);
    assertThat(driver.findElements(By.cssSelector("#segments th"))).extracting(WebElement::getText).contains("default rate");
    assertThat(driver.findElement(By.cssSelector("#segments td.default-rate")).getText()).isEqualTo("12.0 %");
    assertThat(driver.findElements(By.cssSelector("#votes tbody tr"))).hasSize(4);
    type(By.id("customer-id"), "C4");
    driver.findElement(By.cssSelector("#lookup-form button")).click();
    waiting().until(d -> d.findElement(By.id("lookup-result")).getText().contains("affluent savers"));
    screenshot("segments");
  }

  @Test
  void aScriptTypedIntoAFieldComesBackInert() {
    open("/segments.html");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#segments tbody tr")));
    String attack = "<script>window.pwned=1</script><img src=x onerror=pwned=2>";
    type(By.id("customer-id"), attack);
    driver.findElement(By.cssSelector("#lookup-form button")).click();
    WebElement message = driver.findElement(By.id("error-id"));
    waiting().until(d -> !message.getText().isEmpty());
    assertThat(message.getText()).contains("no customer with id", "<script>window.pwned=1</script>");
    assertThat(message.findElements(By.xpath(".//*"))).isEmpty();
    assertThat(js("return window.pwned === undefined")).isEqualTo(true);
    screenshot("segments-inert-input");
  }

  @Test
  void recommendationsPageSearchesCustomersAndSaysWhy() {
    open("/recommendations.html");
    waiting().until(d -> d.findElements(By.cssSelector("#recommendation-table tr.recommendation")).size() == 4);
    type(By.id("customer-id"), "2");
    waiting().until(d -> d.findElements(By.cssSelector("#customer-options option")).size() == 12);
    type(By.id("customer-id"), "C2");
    driver.findElement(By.cssSelector("#pick-form button")).click();
    waiting().until(d -> d.findElement(By.cssSelector("#recommendations h2")).getText().equals("Customer C2"));
    assertThat(driver.findElements(By.cssSelector("#holdings li"))).hasSize(3);
    assertThat(driver.findElements(By.cssSelector("#recommendation-table tr.recommendation"))).hasSize(3);
    assertThat(driver.findElement(By.cssSelector("#recommendation-table tr.recommendation")).getText()).contains("Held: current account");
    assertThat(driver.findElement(By.id("customer-segment")).getText()).contains("families");
    assertThat(driver.findElement(By.id("method")).getText()).contains("Split date 2024-01-01", "25 customers", "top k = 5");
    assertThat(driver.findElements(By.cssSelector("#metrics-table tbody tr"))).hasSize(3);
    new Select(driver.findElement(By.id("segment-filter"))).selectByValue("1");
    waiting().until(d -> d.findElement(By.id("matches")).getText().startsWith("10 customers"));
    screenshot("recommendations");
  }
}
