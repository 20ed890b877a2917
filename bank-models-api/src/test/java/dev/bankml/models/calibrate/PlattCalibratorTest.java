package dev.bankml.models.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.data.BankmlException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlattCalibratorTest {
  /**
   * Two distinct scores, so the two-parameter fit matches each group's mean smoothed target exactly.
   * 20 rows, 12 positive: t+ = 13/14, t- = 1/10. Score 0.2: 4 of 10 positive → (4·13/14 + 6/10)/10;
   * score 0.6: 8 of 10 → (8·13/14 + 2/10)/10.
   */
  @Test
  void matchesTheHandComputedFitOnTwoScoreGroups() {
    int[] y = new int[20];
    double[] s = new double[20];
    for (int i = 0; i < 10; i++) {
      s[i] = 0.2;
      y[i] = i < 4 ? 1 : 0;
      s[10 + i] = 0.6;
      y[10 + i] = i < 8 ? 1 : 0;
    }
    PlattCalibrator c = PlattCalibrator.fit(y, s);
    double low = (4 * 13.0 / 14 + 6 * 0.1) / 10;
    double high = (8 * 13.0 / 14 + 2 * 0.1) / 10;
    assertThat(c.calibrate(0.2)).isCloseTo(low, within(1e-7));
    assertThat(c.calibrate(0.6)).isCloseTo(high, within(1e-7));
    double slope = (logit(high) - logit(low)) / (logit(0.6) - logit(0.2));
    assertThat(c.slope()).isCloseTo(slope, within(1e-6));
    assertThat(c.intercept()).isCloseTo(logit(low) - slope * logit(0.2), within(1e-6));
  }

  @Test
  void staysFiniteWhenScoresSeparateTheClasses() {
    PlattCalibrator c = PlattCalibrator.fit(new int[] {0, 0, 1, 1}, new double[] {0.0, 0.1, 0.9, 1.0});
    assertThat(c.calibrate(1.0)).isLessThan(1.0).isGreaterThan(0.5);
    assertThat(c.calibrate(0.0)).isGreaterThan(0.0).isLessThan(0.5);
  }

  @Test
  void manifestFormRoundTripsToAnEqualCalibrator() {
    PlattCalibrator c = new PlattCalibrator(0.75, -0.25);
    Map<String, Object> m = CalibrationManifestJson.roundTrip(c.toManifest());
    assertThat(m).containsEntry("method", "platt");
    assertThat(Calibrator.fromManifest(m)).isEqualTo(c);
  }

  @Test
  void manifestWithoutASlopeIsRefusedNamingIt() {
    assertThatThrownBy(() -> Calibrator.fromManifest(Map.of("method", "platt", "intercept", 0.1)))
        .isInstanceOf(BankmlException.class).hasMessageContaining("'slope'");
  }

  @Test
  void unknownMethodIsRefusedListingTheValidOnes() {
    assertThatThrownBy(() -> Calibrator.fromManifest(Map.of("method", "beta")))
        .isInstanceOf(BankmlException.class).hasMessageContaining("beta").hasMessageContaining("platt, isotonic");
  }

  @Test
  void unequalLengthsAreRefused() {
    assertThatThrownBy(() -> Calibration.PLATT.fit(new int[] {0, 1}, new double[] {0.5}, 1))
        .isInstanceOf(BankmlException.class).hasMessageContaining("2 labels but 1 scores");
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
