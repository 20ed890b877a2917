package dev.bankml.models.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.models.metrics.CalibrationTable;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.List;

/**
 * Scores that rank well but are badly calibrated (over-confident and shifted, as a forest's votes
 * often are): each method, fitted on one half, brings the expected calibration error on the other
 * half from above 0.05 to below 0.02.
 */
class CalibrationQualityTest {
  private static final int N = 40_000;

  static List<Calibration> methods() {
    return List.of(Calibration.PLATT, Calibration.ISOTONIC);
  }

  @ParameterizedTest
  @MethodSource("methods")
  void calibrationBringsTheHeldOutEceBelowTwoPercent(Calibration method) {
    SplittableRandom rnd = new SplittableRandom(7);
    int[] y = new int[N];
    double[] raw = new double[N];
    for (int i = 0; i < N; i++) {
      double truth = 0.02 + 0.5 * rnd.nextDouble() * rnd.nextDouble();
      y[i] = rnd.nextDouble() < truth ? 1 : 0;
      raw[i] = 1 / (1 + Math.exp(-(2.5 * Math.log(truth / (1 - truth)) + 2.0)));
    }
    int half = N / 2;
    int[] fitY = Arrays.copyOfRange(y, 0, half);
    int[] testY = Arrays.copyOfRange(y, half, N);
    double[] testRaw = Arrays.copyOfRange(raw, half, N);

    Calibrator c = method.fit(fitY, Arrays.copyOfRange(raw, 0, half), 1).orElseThrow();
    double before = CalibrationTable.of(testY, testRaw).expectedCalibrationError();
    double after = CalibrationTable.of(testY, c.calibrateAll(testRaw)).expectedCalibrationError();

    assertThat(before).isGreaterThan(0.05);
    assertThat(after).isLessThan(0.02);
  }

  @Test
  void plattKeepsTheRankingOfScores() {
    SplittableRandom rnd = new SplittableRandom(3);
    int[] y = new int[2000];
    double[] s = new double[2000];
    for (int i = 0; i < s.length; i++) {
      s[i] = rnd.nextDouble();
      y[i] = rnd.nextDouble() < s[i] * s[i] ? 1 : 0;
    }
    Calibrator c = Calibration.PLATT.fit(y, s, 1).orElseThrow();
    double prev = -1;
    for (double p = 0; p <= 1; p += 0.01) {
      assertThat(c.calibrate(p)).isGreaterThanOrEqualTo(prev);
      prev = c.calibrate(p);
    }
  }
}
