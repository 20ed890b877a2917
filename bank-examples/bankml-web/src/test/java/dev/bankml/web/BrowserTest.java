package dev.bankml.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
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

/** Drives Debian's headless Chromium through every page; saves a screenshot of each. */
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

  private static WebDriverWait waiting() {
    // pages re-render parts of themselves: an element found a moment ago may be replaced
    return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
  }

  private static void open(String path) {
    driver.get(server.url().resolve(path).toString());
  }

  private static void screenshot(String name) {
    ((JavascriptExecutor) driver).executeScript("document.body.style.zoom='1'");
    long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.body.scrollHeight");
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

  private static void assertChartsRendered(int atLeast) {
    waiting().until(d -> d.findElements(By.cssSelector("#charts img.chart")).size() >= atLeast);
    List<WebElement> images = driver.findElements(By.cssSelector("#charts img.chart"));
    for (WebElement img : images) {
      waiting().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
          "return arguments[0].complete && arguments[0].naturalWidth > 100", img));
    }
  }

  @Test
  void loanFormIsFilledSubmittedAndShowsTheProbability() {
    open("/");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("f-debt_to_income")));
    assertThat(driver.findElement(By.id("f-loan_amount")).getAttribute("max")).isEqualTo("50000");
    assertThat(new Select(driver.findElement(By.id("f-purpose"))).getFirstSelectedOption().getText()).isEqualTo("car");
    assertThat(driver.findElement(By.id("f-application_date")).getAttribute("type")).isEqualTo("date");
    type(By.id("f-debt_to_income"), "0.9");
    new Select(driver.findElement(By.id("f-employed"))).selectByVisibleText("false");
    driver.findElement(By.id("assess")).click();
    WebElement probability = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".answer .probability")));
    assertThat(probability.getText()).endsWith("%");
    double shown = Double.parseDouble(probability.getText().replace("%", "").trim());
    assertThat(shown).isBetween(50.0, 100.0);
    assertThat(driver.findElements(By.cssSelector(".answer"))).hasSize(2);
    assertThat(driver.findElement(By.cssSelector(".answer .decision")).getText()).isEqualTo("decline");
    assertThat(driver.findElements(By.cssSelector(".answer li.reason")).get(0).getText())
        .contains("Debt-to-income ratio too high");
    screenshot("loan");
  }

  @Test
  void anInvalidValueShowsItsMessageNextToTheField() {
    open("/");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("f-loan_amount")));
    type(By.id("f-loan_amount"), "999999");
    driver.findElement(By.id("assess")).click();
    WebElement message = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-loan_amount")));
    waiting().until(d -> !message.getText().isEmpty());
    assertThat(message.getText()).contains("loan_amount 999999 is out of range", "from 500 to 50000");
    assertThat(driver.findElement(By.id("field-loan_amount")).getAttribute("class")).contains("invalid");
    assertThat(driver.findElements(By.cssSelector(".answer"))).isEmpty();
    screenshot("loan-invalid");
  }

  @Test
  void modelPageRendersChartsAndTheSliderUpdatesTheRates() {
    open("/model.html");
    assertChartsRendered(7);
    WebElement approval = driver.findElement(By.id("approval-rate"));
    waiting().until(d -> approval.getText().endsWith("%"));
    String before = approval.getText();
    WebElement slider = driver.findElement(By.id("threshold"));
    ((JavascriptExecutor) driver).executeScript(
        "arguments[0].value = 0.9; arguments[0].dispatchEvent(new Event('input'))", slider);
    waiting().until(d -> !approval.getText().equals(before));
    assertThat(driver.findElement(By.id("threshold-value")).getText()).isEqualTo("0.90");
    assertThat(Double.parseDouble(approval.getText().replace("%", "").trim()))
        .isGreaterThan(Double.parseDouble(before.replace("%", "").trim()));
    screenshot("model");
  }

  @Test
  void segmentsPageRendersChartsTableAndLooksUpACustomer() {
    open("/segments.html");
    assertChartsRendered(3);
    assertThat(driver.findElements(By.cssSelector("#segments tbody tr"))).hasSize(3);
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
    assertThat(((JavascriptExecutor) driver).executeScript("return window.pwned === undefined")).isEqualTo(true);
    screenshot("segments-inert-input");
  }

  @Test
  void recommendationsPageShowsHoldingsTopKAndMetrics() {
    open("/recommendations.html");
    waiting().until(d -> d.findElements(By.cssSelector("#recommendation-table tr.recommendation")).size() == 4);
    new Select(driver.findElement(By.id("customer-pick"))).selectByVisibleText("C2");
    waiting().until(d -> d.findElement(By.cssSelector("#recommendations h2")).getText().equals("Customer C2"));
    assertThat(driver.findElements(By.cssSelector("#holdings li"))).hasSize(3);
    assertThat(driver.findElements(By.cssSelector("#recommendation-table tr.recommendation"))).hasSize(3);
    assertThat(driver.findElements(By.cssSelector("#metrics-table tbody tr"))).hasSize(3);
    screenshot("recommendations");
  }
}
