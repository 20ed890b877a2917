package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bankml.features.table.CsvTableReader;
import dev.bankml.features.table.Table;
import dev.bankml.features.view.LoanApplicationView;
import dev.bankml.data.ProgressListener;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.metrics.BinaryMetrics;
import dev.bankml.models.metrics.CalibrationTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path model;
  static Path holdout;

  @BeforeAll
  static void trainOnce() {
    model = Fixtures.logisticModel(Fixtures.applicationsCsv(dir, "train.csv", 600, 3), dir.resolve("m.bankml"),
        "--calibration", "platt");
    holdout = Fixtures.applicationsCsv(dir, "holdout.csv", 400, 8);
  }

  @Test
  void jsonMetricsEqualTheMetricClassesOnTheHeldOutRows() throws IOException {
    CliRun r = CliRun.of("validate", "--model", model.toString(), "--input", holdout.toString(),
        "--bins", "5", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode j = JSON.readTree(r.out());

    LoanDefaultModel m = LoanDefaultModel.load(model);
    Table t = CsvTableReader.defaults().read(holdout, ProgressListener.NONE);
    int[] y = labelsOf(holdout);
    double[] p = m.probabilities(t);
    BinaryMetrics expected = BinaryMetrics.of(y, p, m.threshold());
    CalibrationTable cal = CalibrationTable.of(y, p, 5);

    assertThat(j.get("rows").asInt()).isEqualTo(400);
    assertThat(j.get("positives").asLong()).isEqualTo(Arrays.stream(y).sum());
    assertThat(j.get("auc").asDouble()).isEqualTo(expected.auc());
    assertThat(j.get("gini").asDouble()).isEqualTo(expected.gini());
    assertThat(j.get("ks").asDouble()).isEqualTo(expected.ks());
    assertThat(j.get("average_precision").asDouble()).isEqualTo(expected.averagePrecision());
    assertThat(j.get("log_loss").asDouble()).isEqualTo(expected.logLoss());
    assertThat(j.get("brier").asDouble()).isEqualTo(expected.brier());
    assertThat(j.get("threshold").asDouble()).isEqualTo(m.threshold());
    assertThat(j.get("accuracy").asDouble()).isEqualTo(expected.accuracy());
    assertThat(j.get("precision").asDouble()).isEqualTo(expected.precision());
    assertThat(j.get("recall").asDouble()).isEqualTo(expected.recall());
    assertThat(j.get("f1").asDouble()).isEqualTo(expected.f1());
    assertThat(j.get("observed_rate").asDouble()).isEqualTo(expected.positiveRate());
    assertThat(j.get("mean_predicted").asDouble()).isCloseTo(Arrays.stream(p).average().orElseThrow(), within(1e-12));
    assertThat(j.get("ece").asDouble()).isEqualTo(cal.expectedCalibrationError());
    assertThat(j.get("bins").asInt()).isEqualTo(5);
    assertThat(j.get("auc").asDouble()).as("the model learned something that holds on new rows").isGreaterThan(0.65);

    JsonNode bins = j.get("calibration");
    assertThat(bins).hasSize(cal.bins().size());
    long counted = 0;
    for (int b = 0; b < bins.size(); b++) {
      CalibrationTable.Bin want = cal.bins().get(b);
      assertThat(bins.get(b).get("rows").asLong()).isEqualTo(want.count());
      assertThat(bins.get(b).get("mean_predicted").asDouble()).isEqualTo(want.meanPredicted());
      assertThat(bins.get(b).get("observed_rate").asDouble()).isEqualTo(want.observedRate());
      assertThat(bins.get(b).get("lower").asDouble()).isEqualTo(want.lower());
      counted += want.count();
    }
    assertThat(counted).isEqualTo(400);
  }

  @Test
  void textReportShowsTheMetricsAndTheCalibrationTable() {
    CliRun r = CliRun.of("validate", "--model", model.toString(), "--input", holdout.toString(), "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("400 rows").contains("AUC").contains("Gini").contains("KS").contains("average precision")
        .contains("log loss").contains("Brier").contains("ECE").contains("(10 bins)").contains("mean predicted")
        .contains("observed default rate").contains("at threshold").contains("F1").contains("calibration (10 equal-width bins");
  }

  @Test
  void chartIsAPngOfTheCalibrationCurve() throws IOException {
    Path png = dir.resolve("charts/calibration.png");
    CliRun r = CliRun.of("validate", "--model", model.toString(), "--input", holdout.toString(),
        "--chart", png.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JSON.readTree(r.out()); // stdout stays one JSON object
    byte[] bytes = Files.readAllBytes(png);
    assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
    assertThat(bytes.length).isGreaterThan(5_000);
    try (var files = Files.list(png.getParent())) {
      assertThat(files).as("no temporary file left behind").containsExactly(png);
    }
  }

  @Test
  void bankDirectoryIsValidatedOnItsLoanViewAgainstDefaulted() throws IOException {
    Path bankModel = Fixtures.logisticModel(Fixtures.bank(dir, "bank-a", 400, 1), dir.resolve("bank.bankml"));
    Path bankB = Fixtures.bank(dir, "bank-b", 300, 2);
    CliRun r = CliRun.of("validate", "--model", bankModel.toString(), "--input", bankB.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    Table view = LoanApplicationView.read(bankB, ProgressListener.NONE);
    LoanDefaultModel m = LoanDefaultModel.load(bankModel);
    int[] y = Arrays.stream(view.numeric("defaulted").toArray()).mapToInt(v -> (int) v).toArray();
    BinaryMetrics expected = BinaryMetrics.of(y, m.probabilities(view), m.threshold());
    assertThat(j.get("target").asText()).isEqualTo("defaulted");
    assertThat(j.get("rows").asInt()).isEqualTo(view.rows());
    assertThat(j.get("auc").asDouble()).isEqualTo(expected.auc());
    assertThat(j.get("ece").asDouble()).isEqualTo(expected.ece());
  }

  @Test
  void anotherTargetColumnAndPositiveValueCanBeNamed() throws IOException {
    List<String> lines = Files.readAllLines(holdout);
    StringBuilder s = new StringBuilder(lines.get(0) + ",outcome\n");
    for (String line : lines.subList(1, lines.size())) {
      s.append(line).append(line.endsWith(",yes") ? ",bad\n" : ",good\n");
    }
    Path csv = write("outcome.csv", s.toString());
    CliRun byName = CliRun.of("validate", "--model", model.toString(), "--input", csv.toString(),
        "--target", "outcome", "--positive", "bad", "--json");
    CliRun usual = CliRun.of("validate", "--model", model.toString(), "--input", holdout.toString(), "--json");
    assertThat(byName.exit()).as(byName.err()).isZero();
    JsonNode a = JSON.readTree(byName.out());
    JsonNode b = JSON.readTree(usual.out());
    assertThat(a.get("target").asText()).isEqualTo("outcome");
    assertThat(a.get("auc").asDouble()).isEqualTo(b.get("auc").asDouble());
    assertThat(a.get("positives").asLong()).isEqualTo(b.get("positives").asLong());
  }

  @Test
  void missingTargetColumnIsAnErrorNamingTheColumns() throws IOException {
    Path csv = write("no-target.csv", Files.readString(holdout).replace(",defaulted\n", ",outcome\n"));
    CliRun r = refused("--model", model.toString(), "--input", csv.toString());
    assertThat(r.err()).contains("target column 'defaulted' is not in").contains("no-target.csv").contains("outcome");
  }

  @Test
  void targetValuesThatAreNotTwoOutcomesAreErrorsNamingTheRow() throws IOException {
    String text = Files.readString(holdout);
    Path maybe = write("maybe.csv", replaceLastOfLine(text, 5, "maybe"));
    CliRun r = refused("--model", model.toString(), "--input", maybe.toString());
    assertThat(r.err()).contains("defaulted").contains("maybe").contains("data row 5 (line 6, application A00004)");

    Path numeric = write("numeric.csv", replaceLastOfLine(text.replace(",yes\n", ",1\n").replace(",no\n", ",0\n"), 7, "2"));
    CliRun n = refused("--model", model.toString(), "--input", numeric.toString());
    assertThat(n.err()).contains("value 2").contains("data row 7 (line 8").contains("0 or 1");

    Path blank = write("blank.csv", replaceLastOfLine(text, 3, ""));
    assertThat(refused("--model", model.toString(), "--input", blank.toString()).err())
        .contains("target column 'defaulted' is missing").contains("data row 3");

    CliRun wrongPositive = refused("--model", model.toString(), "--input", holdout.toString(), "--positive", "bad");
    assertThat(wrongPositive.err()).contains("boolean").contains("'bad'");
  }

  @Test
  void fileThatIsNotABundleIsRefused() throws IOException {
    Path fake = write("fake.bankml", "this is not a model\n");
    CliRun r = refused("--model", fake.toString(), "--input", holdout.toString());
    assertThat(r.err()).contains("fake.bankml").contains("not a bankml bundle");
  }

  @Test
  void rowThatCannotBeScoredIsNamedWithItsLine() throws IOException {
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(holdout));
    String[] f = lines.get(9).split(",", -1);
    f[2] = "lots";
    lines.set(9, String.join(",", f));
    Path csv = write("bad-income.csv", String.join("\n", lines) + "\n");
    CliRun r = refused("--model", model.toString(), "--input", csv.toString());
    assertThat(r.err()).contains("bad-income.csv").contains("data row 9 (line 10, application A00008)").contains("income")
        .contains("'lots'");
  }

  @Test
  void inputLackingAColumnTheModelReadsIsRefused() throws IOException {
    Path csv = write("no-purpose.csv", Files.readString(holdout).replace(",purpose,", ",reason,"));
    CliRun r = refused("--model", model.toString(), "--input", csv.toString());
    assertThat(r.err()).contains("no-purpose.csv").contains("the model's input column 'purpose' is absent")
        .contains("column 'reason': is not a column of this model");
  }

  @Test
  void missingInputAndBadBinsAreUsageErrors() {
    assertThat(refused("--model", model.toString(), "--input", dir.resolve("nope.csv").toString()).err())
        .contains("--input").contains("nope.csv");
    assertThat(refused("--model", model.toString(), "--input", holdout.toString(), "--bins", "0").err()).contains("--bins");
  }

  private static CliRun refused(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "validate";
    System.arraycopy(args, 0, all, 1, args.length);
    all[all.length - 1] = "-q";
    CliRun r = CliRun.of(all);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
    return r;
  }

  /** The CSV text with the last field of data row {@code row} (1-based) replaced. */
  private static String replaceLastOfLine(String text, int row, String value) {
    String[] lines = text.split("\n", -1);
    String line = lines[row];
    lines[row] = line.substring(0, line.lastIndexOf(',') + 1) + value;
    return String.join("\n", lines);
  }

  private static int[] labelsOf(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().skip(1).mapToInt(l -> l.endsWith(",yes") ? 1 : 0).toArray();
  }

  private static Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }
}
