package dev.bankml.models.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.data.BankmlException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {
  // the example from scikit-learn's roc_auc_score / average_precision_score documentation
  private static final int[] Y = {0, 0, 1, 1};
  private static final double[] S = {0.1, 0.4, 0.35, 0.8};

  @Test
  void rocAucMatchesTheTextbookExample() {
    assertThat(RocAuc.of(Y, S)).isCloseTo(0.75, within(1e-12));
    assertThat(RocAuc.gini(Y, S)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void rocAucCountsTiedPairsAsOneHalf() {
    // pairs (pos,neg): (.5,.5)=½ (.5,.2)=1 (.9,.5)=1 (.9,.2)=1 → 3.5/4
    assertThat(RocAuc.of(new int[] {0, 1, 0, 1}, new double[] {0.5, 0.5, 0.2, 0.9})).isCloseTo(0.875, within(1e-12));
    assertThat(RocAuc.of(new int[] {0, 1, 0, 1}, new double[] {0.3, 0.3, 0.3, 0.3})).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void rocAucEqualsBruteForcePairCounting() {
    Random r = new Random(3);
    int n = 300;
    int[] y = new int[n];
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextInt(3) == 0 ? 1 : 0;
      s[i] = r.nextInt(20) / 20.0 + 0.2 * y[i]; // many ties
    }
    y[0] = 1;
    y[1] = 0;
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (y[i] == 1 && y[j] == 0) {
          pairs++;
          wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        }
      }
    }
    assertThat(RocAuc.of(y, s)).isCloseTo(wins / pairs, within(1e-12));
  }

  @Test
  void ksIsTheLargestGapBetweenTruePositiveAndFalsePositiveRates() {
    assertThat(KolmogorovSmirnov.of(Y, S)).isCloseTo(0.5, within(1e-12));
    assertThat(KolmogorovSmirnov.of(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.2, 0.8, 0.9})).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void averagePrecisionMatchesTheTextbookExample() {
    assertThat(AveragePrecision.of(Y, S)).isCloseTo(0.8333333333, within(1e-9));
  }

  @Test
  void logLossAndBrierMatchHandComputedValues() {
    int[] y = {1, 0};
    double[] p = {0.8, 0.3};
    assertThat(LogLoss.of(y, p)).isCloseTo((-Math.log(0.8) - Math.log(0.7)) / 2, within(1e-12));
    assertThat(BrierScore.of(y, p)).isCloseTo(0.065, within(1e-12));
    assertThat(LogLoss.of(new int[] {1}, new double[] {0.0})).isCloseTo(-Math.log(1e-15), within(1e-6));
  }

  @Test
  void confusionMatrixCountsPredictionsAtOrAboveTheThreshold() {
    ConfusionMatrix cm = ConfusionMatrix.at(new int[] {1, 1, 0, 0, 1}, new double[] {0.9, 0.4, 0.5, 0.1, 0.5}, 0.5);
    assertThat(cm).isEqualTo(new ConfusionMatrix(2, 1, 1, 1));
    assertThat(cm.accuracy()).isCloseTo(0.6, within(1e-12));
    assertThat(cm.precision()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(cm.recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(cm.f1()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(ConfusionMatrix.at(new int[] {1, 0}, new double[] {0.1, 0.2}, 0.9).precision()).isZero();
  }

  @Test
  void calibrationTableAndExpectedCalibrationError() {
    CalibrationTable t = CalibrationTable.of(new int[] {0, 1, 1, 1}, new double[] {0.1, 0.1, 0.9, 0.9});
    assertThat(t.bins()).hasSize(2);
    assertThat(t.bins().get(0).observedRate()).isCloseTo(0.5, within(1e-12));
    assertThat(t.bins().get(1).meanPredicted()).isCloseTo(0.9, within(1e-12));
    assertThat(t.expectedCalibrationError()).isCloseTo(0.25, within(1e-12));
    assertThat(CalibrationTable.of(new int[] {0, 1}, new double[] {0.0, 1.0}).expectedCalibrationError()).isZero();
  }

  @Test
  void liftAndGainsByDecile() {
    int n = 100;
    int[] y = new int[n];
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = n - i; // row 0 scores highest
      y[i] = i < 10 || i % 10 == 5 ? 1 : 0; // top decile all positive, then one per decile
    }
    LiftTable t = LiftTable.deciles(y, s);
    assertThat(t.groups()).hasSize(10);
    LiftTable.Group top = t.groups().get(0);
    double overall = 19.0 / 100;
    assertThat(top.positives()).isEqualTo(10);
    assertThat(top.lift()).isCloseTo(1.0 / overall, within(1e-12));
    assertThat(top.cumulativeGains()).isCloseTo(10.0 / 19, within(1e-12));
    assertThat(t.groups().get(9).cumulativeGains()).isCloseTo(1.0, within(1e-12));
    assertThat(t.groups().get(9).cumulativeLift()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void allMetricsTogether() {
    BinaryMetrics m = BinaryMetrics.of(Y, S, 0.5);
    assertThat(m.auc()).isCloseTo(0.75, within(1e-12));
    assertThat(m.gini()).isCloseTo(0.5, within(1e-12));
    assertThat(m.asMap()).containsKeys("auc", "accuracy", "precision", "recall", "f1", "ks", "gini", "brier", "log_loss");
  }

  @Test
  void badInputIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> RocAuc.of(new int[] {1, 1}, new double[] {0.2, 0.3}))
        .isInstanceOf(BankmlException.class).hasMessageContaining("both classes");
    assertThatThrownBy(() -> RocAuc.of(new int[] {0, 2}, new double[] {0.2, 0.3}))
        .isInstanceOf(BankmlException.class).hasMessageContaining("row 1");
    assertThatThrownBy(() -> LogLoss.of(new int[] {0}, new double[] {1.2}))
        .isInstanceOf(BankmlException.class).hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> BrierScore.of(new int[] {0}, new double[] {0.2, 0.3}))
        .isInstanceOf(BankmlException.class).hasMessageContaining("equal");
  }
}
