package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.loan.LoanSettings;
import dev.bankml.models.loan.RiskGrades;
import dev.bankml.models.loan.ScoreScaling;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir Path dir;

  @Test
  void writesABundleWithManifestAndCrossValidatedMetrics() {
    Path model = dir.resolve("m.bankml");
    CliRun r = Fixtures.train(Fixtures.applicationsCsv(dir, "loans.csv", 600, 2), model, Fixtures.TRIBUO_LOGISTIC,
        "--cost-fn", "5", "--cost-fp", "1");
    assertThat(r.out()).contains("wrote").contains("cross-validated AUC");
    LoanDefaultModel b = LoanDefaultModel.load(model);
    assertThat(b.provenance().backend()).isEqualTo("tribuo");
    assertThat(b.provenance().algorithm()).isEqualTo("logistic");
    assertThat(b.settings().target()).isEqualTo("defaulted");
    assertThat(b.provenance().metrics()).containsKey("cv_auc");
    assertThat(b.settings().thresholdPolicy()).startsWith("min-cost");
    assertThat(b.settings().inputSchema()).extracting(f -> f.name()).containsExactlyInAnyOrder("debt_to_income", "income", "purpose");
    assertThat(b.provenance().trainingData().rows()).isEqualTo(600);
    assertThat(b.provenance().trainingData().positives()).isPositive();
  }

  @Test
  void aSearchedModelLabelsItsScoreASelectionScore() {
    Path model = dir.resolve("t.bankml");
    CliRun r = Fixtures.train(Fixtures.applicationsCsv(dir, "loans.csv", 500, 4), model, Fixtures.TRIBUO_LOGISTIC,
        "--trials", "2", "--time-limit", "5m");
    assertThat(r.out()).contains("selection score");
    assertThat(LoanDefaultModel.load(model).settings().selection()).isEqualTo(dev.bankml.models.loan.Selection.SAME_FOLDS);
  }

  @Test
  void thresholdScoreScalingAndCalibrationOptionsAreStoredInTheBundle() {
    Path csv = Fixtures.applicationsCsv(dir, "loans.csv", 500, 3);
    LoanDefaultModel m = LoanDefaultModel.load(Fixtures.logisticModel(csv, dir.resolve("s.bankml"),
        "--approval-rate", "0.7", "--review-band", "0.02", "--pdo", "20", "--base-score", "500", "--base-odds", "50",
        "--calibration", "platt"));
    LoanSettings settings = m.settings();
    assertThat(settings.thresholdPolicy()).isEqualTo("approval-rate 0.7");
    assertThat(settings.reviewBand()).isEqualTo(0.02);
    assertThat(settings.scoreScaling()).isEqualTo(new ScoreScaling(500, 50, 20));
    assertThat(settings.calibration()).isInstanceOf(LoanSettings.Calibration.Platt.class);
    assertThat(settings.riskGrades()).isEqualTo(RiskGrades.DEFAULT);
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
