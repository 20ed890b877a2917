package dev.bankml.models.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ThresholdCurvesTest {
  private static final int[] Y = {1, 1, 0, 1, 0, 0};
  private static final double[] P = {0.9, 0.8, 0.7, 0.6, 0.3, 0.3};

  /** Labels drawn from scores rounded to 0.05: ties on purpose. */
  private record Sample(int[] labels, double[] scores) {
    static Sample random(long seed, int n) {
      Random r = new Random(seed);
      int[] y = new int[n];
      double[] p = new double[n];
      for (int i = 0; i < n; i++) {
        p[i] = Math.round(r.nextDouble() * 20) / 20.0;
        y[i] = r.nextDouble() < p[i] ? 1 : 0;
      }
      return new Sample(y, p);
    }
  }

  @Test
  void rocStepsThroughEveryDistinctScore() {
    ThresholdCurves.Curve roc = ThresholdCurves.of(Y, P).roc();
    assertThat(roc.x()).containsExactly(0, 0, 0, 1 / 3.0, 1 / 3.0, 1);
    assertThat(roc.y()).containsExactly(0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 1, 1);
  }

  @Test
  void precisionRecallCountsTiedScoresTogether() {
    ThresholdCurves.Curve pr = ThresholdCurves.of(Y, P).precisionRecall();
    assertThat(pr.x()).containsExactly(1 / 3.0, 2 / 3.0, 2 / 3.0, 1, 1);
    assertThat(pr.y()).containsExactly(1, 1, 2 / 3.0, 3 / 4.0, 3 / 6.0);
  }

  @Test
  void ksCurvesPeakAtTheKolmogorovSmirnovStatistic() {
    ThresholdCurves.KsCurve ks = ThresholdCurves.of(Y, P).ks();
    assertThat(ks.ks()).isCloseTo(KolmogorovSmirnov.of(Y, P), within(1e-12));
    assertThat(ks.at()).isEqualTo(0.7);
    // at or below 0.3: no defaulter, two of three non-defaulters
    assertThat(ks.threshold()).containsExactly(0, 0.3, 0.6, 0.7, 0.8, 0.9);
    assertThat(ks.positives()).containsExactly(0, 0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 1);
    assertThat(ks.negatives()).containsExactly(0, 2 / 3.0, 2 / 3.0, 1, 1, 1);
  }

  @Test
  void longCurvesAreThinnedKeepingBothEnds() {
    int n = 5000;
    int[] y = new int[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = i / (double) n;
      y[i] = i % 3 == 0 ? 1 : 0;
    }
    ThresholdCurves.Curve roc = ThresholdCurves.of(y, p).roc().thinned(400);
    assertThat(roc.x()).hasSize(400);
    assertThat(roc.x()[0]).isZero();
    assertThat(roc.y()[0]).isZero();
    assertThat(roc.x()[399]).isEqualTo(1.0);
    assertThat(roc.y()[399]).isEqualTo(1.0);
  }

  @Property(tries = 50)
  void confusionAtAThresholdMatchesCountingEveryRow(
      @ForAll @IntRange(min = 1, max = 300) int n, @ForAll @DoubleRange(min = 0, max = 1) double t, @ForAll long seed) {
    Sample d = Sample.random(seed, n);
    assertThat(ThresholdCurves.of(d.labels(), d.scores()).at(t))
        .isEqualTo(ConfusionMatrix.at(d.labels(), d.scores(), t));
  }

  @Property(tries = 50)
  void theAreaUnderTheRocPointsIsTheAuc(@ForAll @IntRange(min = 2, max = 200) int n, @ForAll long seed) {
    Sample d = Sample.random(seed, n);
    ThresholdCurves c = ThresholdCurves.of(d.labels(), d.scores());
    if (c.positives() == 0 || c.negatives() == 0) {
      return;
    }
    ThresholdCurves.Curve roc = c.roc();
    double area = 0;
    for (int i = 1; i < roc.x().length; i++) {
      area += (roc.x()[i] - roc.x()[i - 1]) * (roc.y()[i] + roc.y()[i - 1]) / 2;
    }
    assertThat(area).isCloseTo(RocAuc.of(d.labels(), d.scores()), within(1e-9));
  }

  @Test
  void histogramsAreSharesOfEachClass() {
    Sample d = Sample.random(2, 1_000);
    double[][] h = ThresholdCurves.histogramByClass(d.labels(), d.scores(), 10);
    assertThat(Arrays.stream(h[0]).sum()).isCloseTo(1, within(1e-9));
    assertThat(Arrays.stream(h[1]).sum()).isCloseTo(1, within(1e-9));
    assertThat(ThresholdCurves.histogramByClass(new int[] {0, 1, 1}, new double[] {0.05, 0.05, 0.95}, 10)[1])
        .containsExactly(0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0.5);
  }
}
