package dev.bankml.models.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.features.table.Table;
import dev.bankml.models.calibrate.Calibration;
import dev.bankml.models.calibrate.Calibrator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoanDecisionTest {
  @TempDir Path dir;

  private static LoanDefaultOptions.Builder options() {
    return LoanDefaultOptions.builder().backend("fake").idColumn("loan_id").folds(3).seed(7).threads(2);
  }

  @Test
  void minCostThresholdMinimisesExpectedCostOnTheOutOfFoldValidationData() {
    LoanEvaluation e = options().thresholdPolicy(new ThresholdPolicy.MinCost(5, 1)).build()
        .evaluate(LoanDefaultModelTest.applications(800, 21));
    int[] y = e.labels();
    double[] p = e.outOfFold();
    double chosen = ThresholdPolicyTest.cost(y, p, e.metrics().threshold(), 5, 1);
    assertThat(chosen).isEqualTo(ThresholdPolicyTest.bruteForceMinimum(y, p, 5, 1));
    // and it is strictly better than the naive 0.5 cut-off on this imbalanced-cost problem
    assertThat(chosen).isLessThan(ThresholdPolicyTest.cost(y, p, 0.5, 5, 1));
  }

  @Test
  void everyDeclinedApplicationHasAtLeastOneWordedReason() {
    // approving only 30 % puts the threshold below the typical applicant's risk: the hard case
    for (ThresholdPolicy policy : List.of(new ThresholdPolicy.ApprovalRate(0.3), new ThresholdPolicy.MaxF1())) {
      LoanDefaultModel m = options().thresholdPolicy(policy).build().fit(LoanDefaultModelTest.applications(600, 22));
      List<Assessment> all = m.assessAll(LoanDefaultModelTest.applications(400, 23));
      assertThat(all).anyMatch(a -> a.decision() == Decision.DECLINE);
      for (Assessment a : all) {
        if (a.decision() == Decision.DECLINE) {
          assertThat(a.reasons()).as("declined at p=%s", a.probability()).isNotEmpty();
        }
        assertThat(a.reasons()).hasSizeLessThanOrEqualTo(4).doesNotHaveDuplicates()
            .allSatisfy(r -> assertThat(r).doesNotContain("=").doesNotContain("_"));
      }
    }
  }

  @Test
  void reasonsAreRankedByHowMuchTheyRaisedTheRiskAndNameTheDirection() {
    LoanDefaultModel m = options().build().fit(LoanDefaultModelTest.applications(1500, 24));
    Assessment a = m.assess(Map.of("debt_to_income", 0.58, "income", 21000, "purpose", "cash"));
    assertThat(a.principalReasons()).extracting(Reason::logOdds).isSortedAccordingTo((x, y) -> Double.compare(y, x))
        .allSatisfy(v -> assertThat(v).isPositive());
    assertThat(a.reasons()).containsExactly("Debt-to-income ratio too high", "Loan purpose: cash", "Low income");
    Map<String, Object> blankIncome = new java.util.HashMap<>(Map.of("debt_to_income", 0.58, "purpose", "cash"));
    blankIncome.put("income", null); // training had blank incomes, so a blank is imputed
    Assessment missing = m.assess(blankIncome);
    assertThat(missing.reasons()).doesNotContain("Low income");
  }

  @Test
  void riskGradeFollowsTheProbabilityBandsAndTravelsWithTheBundle() {
    RiskGrades g = RiskGrades.DEFAULT;
    assertThat(g.grade(0.005)).isEqualTo("A");
    assertThat(g.grade(0.05)).isEqualTo("D");
    assertThat(g.grade(0.049)).isEqualTo("C");
    assertThat(g.grade(0.9)).isEqualTo("G");
    assertThat(g.letters()).containsExactly("A", "B", "C", "D", "E", "F", "G");
    RiskGrades custom = new RiskGrades(List.of(0.05, 0.2));
    LoanDefaultModel m = options().riskGrades(custom).build().fit(LoanDefaultModelTest.applications(400, 25));
    Path file = dir.resolve("g.bankml");
    m.save(file);
    LoanDefaultModel back = LoanDefaultModel.load(file);
    assertThat(back.riskGrades()).isEqualTo(custom);
    Table t = LoanDefaultModelTest.applications(50, 26);
    assertThat(back.assessAll(t)).extracting(Assessment::grade).isEqualTo(m.assessAll(t).stream().map(Assessment::grade).toList())
        .containsAnyOf("A", "B", "C").doesNotContain("D");
  }

  @Test
  void autoCalibrationKeepsWellCalibratedLogisticScoresAsTheyAre() {
    assertThat(Calibration.PLATT.fit(new int[] {0, 1}, new double[] {0.2, 0.7}, 1)).get().extracting(Calibrator::method)
        .isEqualTo(Calibration.PLATT);
    assertThat(Calibration.NONE.fit(new int[] {0, 1}, new double[] {0.2, 0.7}, 1)).isEmpty();
    LoanDefaultModel m = options().build().fit(LoanDefaultModelTest.applications(300, 27));
    assertThat(m.calibrator()).isEmpty();
    assertThat(m.settings().calibration()).isEqualTo(new LoanSettings.Calibration.None());
  }

  @Test
  void aCalibratorIsFittedOnOutOfFoldScoresAppliedEverywhereAndSaved() {
    for (Calibration mode : List.of(Calibration.PLATT, Calibration.ISOTONIC)) {
      LoanDefaultModel m = options().calibration(mode).build().fit(LoanDefaultModelTest.applications(900, 28));
      Calibrator c = m.calibrator().orElseThrow();
      assertThat(c.method().key()).isEqualTo(mode.key());
      Table t = LoanDefaultModelTest.applications(100, 29);
      double[] raw = m.classifier().probabilities(m.pipeline().transform(t));
      double[] p = m.probabilities(t);
      List<Assessment> assessed = m.assessAll(t);
      for (int i = 0; i < raw.length; i++) {
        assertThat(p[i]).isEqualTo(c.calibrate(raw[i]));
        assertThat(assessed.get(i).probability()).isCloseTo(p[i], within(1e-12));
        assertThat(assessed.get(i).score()).isEqualTo(m.score(assessed.get(i).probability()));
      }
      Path file = dir.resolve(mode.key() + ".bankml");
      m.save(file);
      LoanDefaultModel back = LoanDefaultModel.load(file);
      assertThat(back.calibrator()).contains(c);
      assertThat(back.probabilities(t)).containsExactly(p);
      assertThat(back.settings().calibration())
          .isInstanceOf(mode == Calibration.PLATT ? LoanSettings.Calibration.Platt.class : LoanSettings.Calibration.Isotonic.class);
    }
  }
}
