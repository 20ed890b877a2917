package dev.bankml.data.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DefaultModelTest {

  @Test
  void observableProbabilityIsTheSigmoidAveragedOverTheUnobservedTerm() {
    SplittableRandom rng = new SplittableRandom(3);
    double sd = DefaultModel.SCALE * DefaultModel.UNOBSERVED_SD;
    for (double x : new double[] {-6, -2.2, 0, 1.5}) {
      int n = 400_000;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        // Box–Muller from two uniforms
        double z = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        sum += DefaultModel.sigmoid(x + sd * z);
      }
      assertThat(DefaultModel.observableProbability(x)).as("x=%s", x).isCloseTo(sum / n, within(0.002));
    }
  }

  @Test
  void averagingPullsProbabilitiesTowardsOneHalfButKeepsTheirOrder() {
    double previous = 0;
    for (double x = -8; x <= 8; x += 0.25) {
      double p = DefaultModel.observableProbability(x);
      assertThat(p).isGreaterThan(previous);
      if (x < 0) {
        assertThat(p).isGreaterThan(DefaultModel.sigmoid(x));
      }
      previous = p;
    }
    assertThat(DefaultModel.observableProbability(0)).isCloseTo(0.5, within(1e-12));
  }
}
