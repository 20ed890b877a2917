package dev.bankml.models.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.models.metrics.CalibrationTable;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CrossFitTest {
  @Test
  void crossFittedIsotonicLowersTheEceOfOverConfidentScores() {
    SplittableRandom r = new SplittableRandom(9);
    int n = 6000;
    int[] y = new int[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      double truth = 0.03 + 0.4 * r.nextDouble();
      y[i] = r.nextDouble() < truth ? 1 : 0;
      p[i] = Math.min(1, truth * truth * 4);
    }
    double before = CalibrationTable.of(y, p).expectedCalibrationError();
    double after = CalibrationTable.of(y, Calibration.ISOTONIC.crossFit(y, p, 9)).expectedCalibrationError();
    assertThat(before).isGreaterThan(0.05);
    assertThat(after).isLessThan(0.03);
  }
}
