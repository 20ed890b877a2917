package dev.bankml.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.synth.SyntheticBank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskReportTest {
  /** Every chart the issue asks for, by element id (prefixes for the per-column ones). */
  static final List<String> REQUIRED_CHARTS = List.of("chart-histogram-", "chart-target-rate-", "chart-correlation",
      "chart-missing-values", "chart-roc", "chart-precision-recall", "chart-ks", "chart-calibration",
      "chart-confusion-matrix", "chart-score-distribution", "chart-feature-importance", "chart-example-1");

  @TempDir static Path dir;
  static RiskReport bankReport;

  @BeforeAll
  static void reportOnASmallBank() {
    Path bank = dir.resolve("bank");
    SyntheticBank.builder().customers(700).seed(11).build().generate(bank, ProgressListener.NONE);
    bankReport = RiskReport.generate(ReportOptions.builder(bank).algorithm("logistic").build());
  }

  @Test
  void bankReportEmbedsEveryChartAndTheTables() {
    String html = bankReport.html();
    for (String id : REQUIRED_CHARTS) {
      assertThat(html).as(id).contains("id=\"" + id);
    }
    assertThat(html).contains("id=\"model-comparison\"").contains("id=\"fairness-table\"").contains("id=\"example-1\"");
    assertThat(bankReport.chartIds()).allSatisfy(id -> assertThat(html).contains("id=\"chart-" + id + "\""));
  }

  @Test
  void bankReportComparesBothBackendsAndGroupsFairnessByProtectedColumns() {
    String html = bankReport.html();
    assertThat(html).contains("<td>tribuo</td><td>logistic</td>").contains("<td>smile</td><td>logistic</td>");
    assertThat(html).contains("<td>marital_status</td>").contains("<td>age_band</td>");
  }

  @Test
  void pageIsSelfContained() {
    assertNoExternalReferences(bankReport.html());
  }

  @Test
  void everyImageIsAnInlinePng() {
    Matcher m = Pattern.compile("<img [^>]*src=\"([^\"]{0,30})").matcher(bankReport.html());
    int images = 0;
    while (m.find()) {
      assertThat(m.group(1)).startsWith("data:image/png;base64,");
      images++;
    }
    assertThat(images).isEqualTo(bankReport.chartIds().size()).isGreaterThanOrEqualTo(REQUIRED_CHARTS.size());
  }

  @Test
  void textFromTheDataIsEscaped() throws IOException {
    Path csv = dir.resolve("hostile.csv");
    StringBuilder s = new StringBuilder("income,channel,gender,defaulted\n");
    Random r = new Random(5);
    for (int i = 0; i < 300; i++) {
      double income = 20_000 + r.nextDouble() * 60_000;
      String channel = r.nextBoolean() ? "<script>alert(1)</script>" : "branch & co";
      boolean bad = r.nextDouble() < (income < 40_000 ? 0.4 : 0.1);
      s.append(String.format(Locale.ROOT, "%.0f,%s,%s,%s%n", income, channel, r.nextBoolean() ? "f" : "\"<b>m</b>\"", bad ? "bad" : "good"));
    }
    Files.writeString(csv, s);
    RiskReport r2 = RiskReport.generate(ReportOptions.builder(csv).positiveLabel("bad").backend("tribuo")
        .algorithm("logistic").build());
    assertThat(r2.html()).doesNotContain("<script").doesNotContain("<b>m</b>").contains("&lt;b&gt;m&lt;/b&gt;");
    assertThat(r2.html()).contains("<td>gender</td>"); // named gender: protected without being told
    assertNoExternalReferences(r2.html());
  }

  static void assertNoExternalReferences(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower).doesNotContain("<script").doesNotContain("<link").doesNotContain("@import").doesNotContain("url(")
        .doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("src=\"//").doesNotContain("<iframe");
    Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(lower);
    while (href.find()) {
      assertThat(href.group(1)).startsWith("#");
    }
  }
}
