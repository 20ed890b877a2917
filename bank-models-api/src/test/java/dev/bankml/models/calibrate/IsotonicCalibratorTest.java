package dev.bankml.models.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.data.BankmlException;
import org.junit.jupiter.api.Test;

class IsotonicCalibratorTest {
  @Test
  void poolsAdjacentViolatorsIntoTheirMean() {
    // sorted labels 0, 1, 0, 1, 1: the violating pair (1, 0) pools to 0.5
    IsotonicCalibrator c = IsotonicCalibrator.fit(new int[] {1, 0, 1, 0, 1}, new double[] {0.4, 0.1, 0.2, 0.3, 0.5});
    assertThat(c.scores()).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5);
    assertThat(c.probabilities()).containsExactly(0.0, 0.5, 0.5, 1.0, 1.0);
  }

  @Test
  void interpolatesLinearlyBetweenKnotsAndIsFlatOutside() {
    IsotonicCalibrator c = IsotonicCalibrator.fit(new int[] {0, 1, 0, 1, 1}, new double[] {0.1, 0.2, 0.3, 0.4, 0.5});
    assertThat(c.calibrate(0.05)).isEqualTo(0.0);
    assertThat(c.calibrate(0.15)).isCloseTo(0.25, within(1e-12));
    assertThat(c.calibrate(0.25)).isEqualTo(0.5);
    assertThat(c.calibrate(0.35)).isCloseTo(0.75, within(1e-12));
    assertThat(c.calibrate(0.9)).isEqualTo(1.0);
  }

  @Test
  void averagesTiedScoresBeforePooling() {
    // ties at 0.2 average to 1/3; then 0.0 at 0.7 violates and pools: (1 + 0) / 4 = 0.25
    IsotonicCalibrator c = IsotonicCalibrator.fit(new int[] {1, 0, 0, 0}, new double[] {0.2, 0.2, 0.2, 0.7});
    assertThat(c.scores()).containsExactly(0.2, 0.7);
    assertThat(c.probabilities()).containsExactly(0.25, 0.25);
  }

  @Test
  void pavCascadesBackwardsThroughSeveralBlocks() {
    // labels by score: 0, 1, 1, 0, 0 -> blocks 0 | 1,1,0,0 pooled to 0.5
    IsotonicCalibrator c = IsotonicCalibrator.fit(new int[] {0, 1, 1, 0, 0}, new double[] {0.1, 0.2, 0.3, 0.4, 0.5});
    assertThat(c.scores()).containsExactly(0.1, 0.2, 0.5);
    assertThat(c.probabilities()).containsExactly(0.0, 0.5, 0.5);
  }

  @Test
  void manifestFormRoundTripsToAnEqualCalibrator() {
    IsotonicCalibrator c = IsotonicCalibrator.fit(new int[] {0, 1, 0, 1, 1}, new double[] {0.1, 0.2, 0.3, 0.4, 0.5});
    Calibrator back = Calibrator.fromManifest(CalibrationManifestJson.roundTrip(c.toManifest()));
    assertThat(back).isEqualTo(c);
    assertThat(back.calibrate(0.35)).isEqualTo(c.calibrate(0.35));
  }

  @Test
  void refusesDecreasingKnotsFromAManifest() {
    assertThatThrownBy(() -> new IsotonicCalibrator(new double[] {0.1, 0.2}, new double[] {0.6, 0.3}))
        .isInstanceOf(BankmlException.class).hasMessageContaining("must not decrease");
  }

  @Test
  void refusesScoresOutsideTheUnitInterval() {
    assertThatThrownBy(() -> IsotonicCalibrator.fit(new int[] {0, 1}, new double[] {0.1, 1.5}))
        .isInstanceOf(BankmlException.class).hasMessageContaining("row 1").hasMessageContaining("[0, 1]");
  }
}
