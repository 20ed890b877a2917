package dev.bankml.models.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.models.metrics.LogLoss;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoCalibrationTest {
  private static final Calibration.Auto AUTO = (Calibration.Auto) Calibration.AUTO;

  /** Labels drawn from {@code p}; returned scores are {@code distort(p)}. */
  private record Sample(int[] labels, double[] truth) {
    static Sample of(int n, long seed) {
      Random r = new Random(seed);
      int[] y = new int[n];
      double[] p = new double[n];
      for (int i = 0; i < n; i++) {
        p[i] = 1 / (1 + Math.exp(-(r.nextGaussian() * 1.5 - 2)));
        y[i] = r.nextDouble() < p[i] ? 1 : 0;
      }
      return new Sample(y, p);
    }
  }

  @Test
  void scoresThatAreAlreadyProbabilitiesKeepNoCalibrator() {
    Sample s = Sample.of(20_000, 1);
    Calibration.Auto.Choice c = AUTO.choose(s.labels(), s.truth(), 7);
    assertThat(c.chosen()).isEqualTo(Calibration.NONE);
    assertThat(c.logLoss()).containsKeys("none", "platt", "isotonic");
    assertThat(c.logLoss().get("none")).isEqualTo(LogLoss.of(s.labels(), s.truth()));
    assertThat(AUTO.fit(s.labels(), s.truth(), 7)).isEmpty();
  }

  @Test
  void overConfidentScoresGetTheCalibratorWithTheLowestHeldOutLoss() {
    Sample s = Sample.of(20_000, 2);
    double[] sharp = new double[s.truth().length];
    for (int i = 0; i < sharp.length; i++) {
      double logit = Math.log(s.truth()[i] / (1 - s.truth()[i]));
      sharp[i] = 1 / (1 + Math.exp(-3 * logit)); // three times too confident
    }
    Calibration.Auto.Choice c = AUTO.choose(s.labels(), sharp, 7);
    assertThat(c.chosen()).isNotEqualTo(Calibration.NONE);
    double chosen = c.logLoss().get(c.chosen().key());
    assertThat(chosen).isLessThan(c.logLoss().get("none"));
    assertThat(c.logLoss().values()).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(chosen));
    assertThat(AUTO.fit(s.labels(), sharp, 7)).get().extracting(Calibrator::method).isEqualTo(c.chosen());
  }

  @Test
  void theCrossFittedLossIsHonestWhereTheInSampleOneFlatters() {
    // pure noise scores: isotonic in sample fits the labels' noise; held out it cannot beat the raw scores by much
    Random r = new Random(3);
    int n = 6_000;
    int[] y = new int[n];
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextDouble() < 0.1 ? 1 : 0;
      s[i] = Math.min(0.99, Math.max(0.01, 0.1 + 0.02 * r.nextGaussian()));
    }
    double inSample = LogLoss.of(y, Calibration.ISOTONIC.fit(y, s, 5).orElseThrow().calibrateAll(s));
    double crossFitted = LogLoss.of(y, Calibration.ISOTONIC.crossFit(y, s, 5));
    assertThat(crossFitted).isGreaterThan(inSample);
  }

  @Test
  void tooFewRowsOfAClassKeepTheRawScores() {
    int[] y = {1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0};
    double[] s = {0.9, 0.1, 0.2, 0.1, 0.3, 0.2, 0.1, 0.1, 0.2, 0.8, 0.1, 0.4};
    Calibration.Auto.Choice c = AUTO.choose(y, s, 1);
    assertThat(c.chosen()).isEqualTo(Calibration.NONE);
    assertThat(c.logLoss()).containsOnlyKeys("none");
  }

  @Test
  void everyCalibrationIsFoundByItsKey() {
    for (Calibration c : Calibration.values()) {
      assertThat(Calibration.parse(" " + c.key().toUpperCase(java.util.Locale.ROOT) + " ")).isEqualTo(c);
    }
  }
}
