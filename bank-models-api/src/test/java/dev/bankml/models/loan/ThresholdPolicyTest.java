package dev.bankml.models.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ThresholdPolicyTest {
  /** Total cost of declining every row at or above {@code t}: fn per approved defaulter, fp per declined good payer. */
  static double cost(int[] y, double[] p, double t, double fn, double fp) {
    double c = 0;
    for (int i = 0; i < y.length; i++) {
      boolean decline = p[i] >= t;
      c += y[i] == 1 && !decline ? fn : y[i] == 0 && decline ? fp : 0;
    }
    return c;
  }

  /**
   * The lowest cost over every threshold that can make a difference: each distinct probability
   * (decline it and everything above), plus "decline nobody" and "decline everybody".
   */
  static double bruteForceMinimum(int[] y, double[] p, double fn, double fp) {
    double best = Math.min(cost(y, p, Double.POSITIVE_INFINITY, fn, fp), cost(y, p, Double.NEGATIVE_INFINITY, fn, fp));
    for (double t : p) {
      best = Math.min(best, cost(y, p, t, fn, fp));
    }
    return best;
  }

  @Property(tries = 300)
  void minCostThresholdHasTheLowestCostOfAllThresholds(
      @ForAll @Size(min = 1, max = 60) int[] rawLabels, @ForAll("seed") long seed,
      @ForAll @DoubleRange(min = 0, max = 20) double fn, @ForAll @DoubleRange(min = 0.01, max = 20) double fp,
      @ForAll @IntRange(min = 2, max = 50) int distinct) {
    int[] y = Arrays.stream(rawLabels).map(v -> Math.floorMod(v, 2)).toArray();
    java.util.Random r = new java.util.Random(seed);
    double[] p = new double[y.length];
    for (int i = 0; i < p.length; i++) {
      // few distinct values: many ties, as isotonic calibration and forests produce
      p[i] = r.nextInt(distinct) / (double) (distinct - 1);
    }
    double t = new ThresholdPolicy.MinCost(fn, fp).choose(y, p);
    assertThat(cost(y, p, t, fn, fp)).isCloseTo(bruteForceMinimum(y, p, fn, fp), within(1e-9));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Long> seed() {
    return net.jqwik.api.Arbitraries.longs();
  }

  @Property(tries = 200)
  void approvalRateApprovesAboutTheAskedShare(
      @ForAll @Size(min = 10, max = 200) double[] rawScores, @ForAll @DoubleRange(min = 0.05, max = 0.95) double rate) {
    double[] p = Arrays.stream(rawScores).map(v -> Double.isFinite(v) ? Math.abs(v % 1) : 0.5).toArray();
    int[] y = new int[p.length];
    double t = new ThresholdPolicy.ApprovalRate(rate).choose(y, p);
    long approved = Arrays.stream(p).filter(v -> v < t).count();
    long distinct = Arrays.stream(p).distinct().count();
    if (distinct == p.length) { // without ties the share is exact up to rounding
      assertThat(approved).isEqualTo(Math.round(rate * p.length));
    } else {
      assertThat(approved).isLessThanOrEqualTo(Math.round(rate * p.length));
    }
  }
}
