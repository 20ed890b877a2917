package dev.bankml.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ThresholdCurvesTest {
  private static HeldOut random(long seed, int n) {
    Random r = new Random(seed);
    int[] y = new int[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = Math.round(r.nextDouble() * 20) / 20.0; // ties on purpose
      y[i] = r.nextDouble() < p[i] ? 1 : 0;
    }
    return new HeldOut(y, p);
  }

  @Property(tries = 50)
  void confusionAtAThresholdMatchesCountingEveryRow(
      @ForAll @IntRange(min = 1, max = 300) int n, @ForAll @DoubleRange(min = 0, max = 1) double t, @ForAll long seed) {
    HeldOut d = random(seed, n);
    ThresholdCurves.Confusion c = new ThresholdCurves(d).at(t);
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int i = 0; i < n; i++) {
      boolean declined = d.probabilities()[i] >= t;
      if (d.labels()[i] == 1) {
        tp += declined ? 1 : 0;
        fn += declined ? 0 : 1;
      } else {
        fp += declined ? 1 : 0;
        tn += declined ? 0 : 1;
      }
    }
    assertThat(c).isEqualTo(new ThresholdCurves.Confusion(tp, fp, tn, fn));
    assertThat(c.approvalRate()).isEqualTo((double) (tn + fn) / n);
  }

  @Property(tries = 50)
  void aucEqualsTheShareOfCorrectlyOrderedPairs(@ForAll @IntRange(min = 2, max = 200) int n, @ForAll long seed) {
    HeldOut d = random(seed, n);
    double pairs = 0;
    double good = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (d.labels()[i] == 1 && d.labels()[j] == 0) {
          pairs++;
          double a = d.probabilities()[i];
          double b = d.probabilities()[j];
          good += a > b ? 1 : a == b ? 0.5 : 0;
        }
      }
    }
    double auc = new ThresholdCurves(d).auc();
    if (pairs == 0) {
      assertThat(auc).isNaN();
    } else {
      assertThat(auc).isCloseTo(good / pairs, within(1e-9));
    }
  }

  @Test
  void rocRunsFromOriginToTopRightAndIsThinnedForDrawing() {
    double[][] roc = new ThresholdCurves(random(1, 5_000)).roc();
    assertThat(roc[0]).containsExactly(0, 0);
    assertThat(roc[roc.length - 1]).containsExactly(1, 1);
    assertThat(roc.length).isLessThanOrEqualTo(201);
  }

  @Test
  void calibrationBinsHoldMeanPredictedAndObservedRates() {
    HeldOut d = new HeldOut(new int[] {0, 1, 1, 1}, new double[] {0.05, 0.05, 0.95, 0.95});
    double[][] bins = new ThresholdCurves(d).calibration();
    assertThat(bins).hasDimensions(2, 3);
    assertThat(bins[0]).containsExactly(0.05, 0.5, 2);
    assertThat(bins[1]).containsExactly(0.95, 1.0, 2);
  }

  @Test
  void histogramsAreSharesOfEachClass() {
    double[][] h = new ThresholdCurves(random(2, 1_000)).histogramByClass(10);
    assertThat(java.util.Arrays.stream(h[0]).sum()).isCloseTo(1, within(1e-9));
    assertThat(java.util.Arrays.stream(h[1]).sum()).isCloseTo(1, within(1e-9));
  }
}
