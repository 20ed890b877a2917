package dev.bankml.models.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IsotonicPropertiesTest {
  record Sample(int[] labels, double[] scores) {}

  @Provide
  Arbitrary<Sample> samples() {
    return Arbitraries.integers().between(1, 60).flatMap(n -> Combinators.combine(
        Arbitraries.integers().between(0, 1).array(int[].class).ofSize(n),
        Arbitraries.doubles().between(0, 1).ofScale(2).array(double[].class).ofSize(n))
        .as(Sample::new));
  }

  @Property(tries = 300)
  void outputIsNonDecreasingAndWithinTheObservedRates(@ForAll("samples") Sample s, @ForAll("grid") double[] probes) {
    IsotonicCalibrator c = IsotonicCalibrator.fit(s.labels(), s.scores());
    double prev = Double.NEGATIVE_INFINITY;
    for (double p : probes) {
      double v = c.calibrate(p);
      assertThat(v).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(prev);
      prev = v;
    }
  }

  @Property(tries = 300)
  void fittedValuesPreserveTheNumberOfPositives(@ForAll("samples") Sample s) {
    // a property of the least-squares isotonic fit: every pooled block keeps its label sum
    IsotonicCalibrator c = IsotonicCalibrator.fit(s.labels(), s.scores());
    double fitted = 0;
    int positives = 0;
    for (int i = 0; i < s.labels().length; i++) {
      fitted += c.calibrate(s.scores()[i]);
      positives += s.labels()[i];
    }
    assertThat(fitted).isCloseTo(positives, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Provide
  Arbitrary<double[]> grid() {
    return Arbitraries.just(java.util.stream.IntStream.rangeClosed(0, 100).mapToDouble(i -> i / 100.0).toArray());
  }
}
