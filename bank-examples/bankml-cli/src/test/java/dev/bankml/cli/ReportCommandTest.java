package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path dir;

  @Test
  void writesOneHtmlFileAndSaysWhatItHolds() throws Exception {
    Path csv = EvaluateCommandTest.applicationsCsv(dir, "loans.csv", 400, 3);
    Path out = dir.resolve("sub/report.html");
    CliRun r = CliRun.of("report", "--data", csv.toString(), "--id-column", "application",
        "--protected", "purpose", "--backend", "tribuo", "--algorithm", "logistic", "--cv", "3", "--examples", "2",
        "-q", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote").contains("best model tribuo logistic").contains("charts");
    String html = Files.readString(out);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("id=\"chart-roc\"").contains("id=\"chart-example-2\"")
        .doesNotContain("id=\"chart-example-3\"");
    assertThat(html).contains("<td>purpose</td>"); // the fairness table groups by the protected column
    assertThat(Files.list(out.getParent())).hasSize(1); // no temporary file left behind
  }

  @Test
  void missingDataIsAnErrorWithoutAStackTrace() {
    CliRun r = CliRun.of("report", "--data", dir.resolve("nope.csv").toString(), "-q",
        "--out", dir.resolve("r.html").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("does not exist").doesNotContain("Exception");
  }

  @Test
  void unknownProtectedColumnIsNamedInTheError() {
    Path csv = EvaluateCommandTest.applicationsCsv(dir, "loans.csv", 50, 3);
    CliRun r = CliRun.of("report", "--data", csv.toString(), "--protected", "religion_x",
        "-q", "--out", dir.resolve("r.html").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("religion_x").contains("columns are");
  }

  @Test
  void unknownAlgorithmListsWhatEachBackendOffers() {
    Path csv = EvaluateCommandTest.applicationsCsv(dir, "loans.csv", 50, 3);
    CliRun r = CliRun.of("report", "--data", csv.toString(), "--algorithm", "svm",
        "-q", "--out", dir.resolve("r.html").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("svm").contains("logistic");
  }
}
