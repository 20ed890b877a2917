package dev.bankml.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.models.metrics.KolmogorovSmirnov;
import org.junit.jupiter.api.Test;

class CurvesTest {
  private static final int[] Y = {1, 1, 0, 1, 0, 0};
  private static final double[] P = {0.9, 0.8, 0.7, 0.6, 0.3, 0.3};

  @Test
  void rocStepsThroughEveryDistinctScore() {
    Curves.Curve roc = Curves.roc(Y, P);
    assertThat(roc.x()).containsExactly(0, 0, 0, 1 / 3.0, 1 / 3.0, 1);
    assertThat(roc.y()).containsExactly(0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 1, 1);
  }

  @Test
  void precisionRecallCountsTiedScoresTogether() {
    Curves.Curve pr = Curves.precisionRecall(Y, P);
    assertThat(pr.x()).containsExactly(1 / 3.0, 2 / 3.0, 2 / 3.0, 1, 1);
    assertThat(pr.y()).containsExactly(1, 1, 2 / 3.0, 3 / 4.0, 3 / 6.0);
  }

  @Test
  void ksCurvesPeakAtTheKolmogorovSmirnovStatistic() {
    Curves.KsCurves ks = Curves.ks(Y, P);
    assertThat(ks.ks()).isCloseTo(KolmogorovSmirnov.of(Y, P), within(1e-12));
    assertThat(ks.at()).isEqualTo(0.7);
    assertThat(ks.defaulters()[ks.defaulters().length - 1]).isEqualTo(1.0);
    assertThat(ks.nonDefaulters()[ks.nonDefaulters().length - 1]).isEqualTo(1.0);
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
    Curves.Curve roc = Curves.roc(y, p);
    assertThat(roc.x()).hasSize(Curves.MAX_POINTS);
    assertThat(roc.x()[0]).isZero();
    assertThat(roc.x()[Curves.MAX_POINTS - 1]).isEqualTo(1.0);
  }
}
