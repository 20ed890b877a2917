package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.models.bundle.ModelBundle;
import dev.bankml.models.loan.LoanDefaultModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir Path dir;

  @Test
  void writesABundleWithManifestAndCrossValidatedMetrics() {
    Path csv = EvaluateCommandTest.applicationsCsv(dir, "loans.csv", 600, 2);
    Path model = dir.resolve("m.bankml");
    CliRun r = CliRun.of("train", "--data", csv.toString(), "--id-column", "application",
        "--backend", "tribuo", "--algorithm", "logistic", "--cv", "3", "--cost-fn", "5", "--cost-fp", "1",
        "--out", model.toString(), "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote").contains("cross-validated AUC");
    ModelBundle b = ModelBundle.read(model);
    assertThat(b.manifest().backend()).isEqualTo("tribuo");
    assertThat(b.manifest().algorithm()).isEqualTo("logistic");
    assertThat(b.manifest().target()).isEqualTo("defaulted");
    assertThat(b.manifest().metrics()).containsKey("cv_auc");
    assertThat(b.manifest().extensions().get("threshold_policy").toString()).startsWith("min-cost");
    assertThat(b.manifest().inputSchema()).extracting(f -> f.name()).containsExactlyInAnyOrder("debt_to_income", "income", "purpose");
    assertThat(b.manifest().trainingData().rows()).isEqualTo(600);
    assertThat(LoanDefaultModel.load(model).manifest()).isEqualTo(b.manifest());
  }

  @Test
  void aSearchedModelLabelsItsScoreASelectionScore() {
    Path csv = EvaluateCommandTest.applicationsCsv(dir, "loans.csv", 500, 4);
    Path model = dir.resolve("t.bankml");
    CliRun r = CliRun.of("train", "--data", csv.toString(), "--id-column", "application",
        "--backend", "tribuo", "--algorithm", "logistic", "--trials", "2", "--cv", "3", "--time-limit", "5m",
        "--out", model.toString(), "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("selection score");
    assertThat(ModelBundle.read(model).manifest().extensions()).containsEntry("selection", "same-folds");
  }

  @Test
  void thresholdScoreScalingAndCalibrationOptionsAreStoredInTheBundle() {
    Path csv = EvaluateCommandTest.applicationsCsv(dir, "loans.csv", 500, 3);
    Path model = dir.resolve("s.bankml");
    CliRun r = CliRun.of("train", "--data", csv.toString(), "--id-column", "application",
        "--backend", "tribuo", "--algorithm", "logistic", "--cv", "3", "--approval-rate", "0.7", "--review-band", "0.02",
        "--pdo", "20", "--base-score", "500", "--base-odds", "50", "--calibration", "platt", "--out", model.toString(), "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    java.util.Map<String, Object> ext = ModelBundle.read(model).manifest().extensions();
    assertThat(ext.get("threshold_policy")).isEqualTo("approval-rate 0.7");
    assertThat(ext.get("review_band")).isEqualTo(0.02);
    java.util.Map<?, ?> scaling = (java.util.Map<?, ?>) ext.get("score_scaling");
    assertThat(scaling.get("pdo")).isEqualTo(20.0);
    assertThat(scaling.get("base_score")).isEqualTo(500.0);
    assertThat(scaling.get("base_odds")).isEqualTo(50.0);
    assertThat(((java.util.Map<?, ?>) ext.get("calibration")).get("method")).isEqualTo("platt");
    assertThat(ext).containsKey("risk_grades");
    LoanDefaultModel m = LoanDefaultModel.load(model);
    assertThat(m.score(1 / 51.0)).isEqualTo(500);
    assertThat(m.calibrator()).isPresent();
    CliRun bad = CliRun.of("train", "--data", csv.toString(), "--calibration", "sigmoid",
        "--out", dir.resolve("x.bankml").toString(), "-q");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown calibration 'sigmoid'").doesNotContain("Exception");
  }

  @Test
  void missingOutIsAUsageError() {
    CliRun r = CliRun.of("train", "--data", "x.csv");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--out");
  }
}
