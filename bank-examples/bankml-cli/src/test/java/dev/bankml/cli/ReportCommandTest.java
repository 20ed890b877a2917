package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReportCommandTest {
  @TempDir Path dir;

  @Test
  void writesOneHtmlFileAndSaysWhatItHolds() throws Exception {
    Path csv = Fixtures.applicationsCsv(dir, "loans.csv", 400, 3);
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
    CliRun r = report(dir.resolve("nope.csv"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("does not exist").contains("(--data FILE.csv|BANKDIR)").doesNotContain("Exception");
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        arguments(List.of("--protected", "religion_x"), List.of("religion_x", "columns are")),
        arguments(List.of("--algorithm", "svm"), List.of("svm", "logistic")),
        arguments(List.of("--target", "outcome"), List.of("target column 'outcome' is not in", "(--target COL)")),
        arguments(List.of("--cv", "11"), List.of("a report's cross-validation needs 2 to 10 folds, got 11 (--cv K)")),
        arguments(List.of("--examples", "11"), List.of("a report explains 0 to 10 example decisions, got 11 (--examples N)")));
  }

  /** The report module names the setting; the command line adds its flag. */
  @ParameterizedTest
  @MethodSource("badSettings")
  void aBadSettingIsExit2NamingWhatIsWrong(List<String> settings, List<String> said) {
    Path csv = Fixtures.applicationsCsv(dir, "loans.csv", 50, 3);
    CliRun r = report(csv, settings.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(said).doesNotContain("Exception");
  }

  /** {@code bankml report} on {@code data} with {@code settings}, quietly, into this test's folder. */
  private CliRun report(Path data, String... settings) {
    List<String> args = new ArrayList<>(List.of("report", "--data", data.toString(), "-q", "--out", dir.resolve("r.html").toString()));
    args.addAll(List.of(settings));
    return CliRun.of(args.toArray(String[]::new));
  }
}
