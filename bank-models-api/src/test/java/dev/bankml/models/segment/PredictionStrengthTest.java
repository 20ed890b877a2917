package dev.bankml.models.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.features.FeatureMatrix;
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
    ClusterRunner runner = new ClusterRunner(new TestBackend(), "kmeans", Hyperparameters.DEFAULTS, 3);
    assertThat(PredictionStrength.of(runner, x, 3, 5)).isGreaterThanOrEqualTo(0.9);
    assertThat(PredictionStrength.of(runner, x, 6, 5)).isLessThan(KRule.STRONG);
  }

  @Test
  void theLargestReproducibleKIsAFifthVote() {
    List<KCandidate> c = List.of(
        new KCandidate(2, 900, 0.40, 1.0, 100, OptionalDouble.empty(), OptionalDouble.of(0.99)),
        new KCandidate(3, 300, 0.60, 0.5, 400, OptionalDouble.empty(), OptionalDouble.of(0.95)),
        new KCandidate(4, 250, 0.50, 0.7, 300, OptionalDouble.empty(), OptionalDouble.of(0.62)));
    KSelection s = KRule.choose(c);
    assertThat(s.votes()).extracting(KVote::criterion).contains("largest k with prediction strength >= 0.8");
    assertThat(s.votes()).filteredOn(v -> v.criterion().startsWith("largest k")).extracting(KVote::k).containsExactly(3);
    assertThat(s.rule()).contains("vote of five criteria", "prediction strength >= 0.8 k=3");
    assertThat(s.chosen()).isEqualTo(3);
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
