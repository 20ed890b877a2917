package dev.bankml.models.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.fake.FakeBackend;
import dev.bankml.models.spi.Hyperparameters;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PredictionStrengthTest {
  @Test
  void strengthIsTheSmallestShareOfATestSegmentsPairsKeptTogether() {
    // test segment 0: 10 customers all predicted together → 45 of 45 pairs = 1
    // test segment 1: 10 customers predicted 5 + 5 → 2 · C(5,2) = 20 of C(10,2) = 45 pairs = 0.444…
    int[] own = new int[20];
    int[] predicted = new int[20];
    for (int i = 10; i < 20; i++) {
      own[i] = 1;
      predicted[i] = i < 15 ? 1 : 2;
    }
    assertThat(PredictionStrength.strength(own, predicted, 2)).isCloseTo(20.0 / 45, within(1e-12));
  }

  @Test
  void segmentsTooSmallToJudgeAreSkipped() {
    int[] own = {0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    int[] predicted = {0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3};
    assertThat(PredictionStrength.strength(own, predicted, 2)).isEqualTo(1.0);
  }

  @Test
  void theTrueNumberOfBlobsIsReproducibleAndSplittingOneIsNot() {
    FeatureMatrix x = blobs(3, 200, 11);
    ClusterRunner runner = new ClusterRunner(new FakeBackend(), "kmeans", Hyperparameters.DEFAULTS, 3);
    assertThat(PredictionStrength.of(runner, x, 3, 5)).isGreaterThanOrEqualTo(0.9);
    assertThat(PredictionStrength.of(runner, x, 6, 5)).isLessThan(KRule.STRONG);
  }

  @Test
  void theLargestReproducibleKIsReportedBesideTheVoteWithoutCounting() {
    List<KCandidate> c = List.of(
        cand(2, 500, 0.19, 1.20, 4700, 1.00), cand(3, 380, 0.27, 1.55, 6268, 0.51),
        cand(4, 314, 0.30, 1.36, 6429, 0.51), cand(5, 262, 0.34, 1.25, 7779, 1.00),
        cand(6, 216, 0.36, 1.30, 7416, 1.00), cand(7, 211, 0.37, 1.30, 6383, 0.50),
        cand(8, 204, 0.35, 1.33, 5777, 0.43));
    KSelection s = KRule.choose(c);
    assertThat(s.rule()).startsWith("vote of four criteria");
    assertThat(s.votes()).filteredOn(v -> v.criterion().startsWith("largest k")).extracting(KVote::k).containsExactly(6);
    assertThat(s.votes()).filteredOn(v -> v.criterion().startsWith("largest k")).extracting(KVote::criterion)
        .allSatisfy(t -> assertThat(t).endsWith("(reported, not counted)"));
  }

  @Test
  void withoutAReproducibleKTheGeometricCriteriaVote() {
    List<KCandidate> c = List.of(cand(2, 900, 0.40, 1.0, 100, 0.5), cand(3, 300, 0.60, 0.5, 400, 0.6),
        cand(4, 250, 0.50, 0.7, 300, 0.4));
    KSelection s = KRule.choose(c);
    assertThat(s.chosen()).isEqualTo(3);
    assertThat(s.rule()).startsWith("vote of four criteria");
  }

  private static KCandidate cand(int k, double inertia, double silhouette, double db, double ch, double strength) {
    return new KCandidate(k, inertia, silhouette, db, ch, OptionalDouble.empty(), OptionalDouble.of(strength));
  }

  /** {@code k} well-separated Gaussian blobs of {@code each} points in two dimensions. */
  static FeatureMatrix blobs(int k, int each, long seed) {
    Random r = new Random(seed);
    double[][] rows = new double[k * each][];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < each; i++) {
        rows[c * each + i] = new double[] {10 * c + r.nextGaussian(), 10 * (c % 2) + r.nextGaussian()};
      }
    }
    return FeatureMatrix.of(rows, List.of("a", "b"));
  }
}
