package dev.bankml.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Four customers, three items: item 0 held by {0,1,2}, item 1 by {0,1}, item 2 by {2,3}. So
 * c(0,1) = 2, c(0,2) = 1, c(1,2) = 0; n = (3, 2, 2); N = 4.
 */
class ItemSimilarityTest {
  static final InteractionMatrix SMALL = InteractionMatrix.fromRows(3, new int[][] {{0, 1}, {0, 1}, {0, 2}, {2}});

  private static ItemSimilarity fit(Similarity s, RecommenderSpec.Builder b) {
    return b.similarity(s).build().fit(SMALL).similarity();
  }

  private static ItemSimilarity fit(Similarity s) {
    return fit(s, RecommenderSpec.builder());
  }

  @Test
  void cosineMatchesHandComputedValues() {
    ItemSimilarity sim = fit(Similarity.COSINE);
    assertThat(sim.similarity(0, 1)).isCloseTo(2 / Math.sqrt(6), within(1e-6));
    assertThat(sim.similarity(0, 2)).isCloseTo(1 / Math.sqrt(6), within(1e-6));
    assertThat(sim.similarity(1, 2)).isZero();
    assertThat(sim.neighbours(0)).containsExactly(1, 2);
  }

  @Test
  void jaccardMatchesHandComputedValues() {
    ItemSimilarity sim = fit(Similarity.JACCARD);
    assertThat(sim.similarity(0, 1)).isCloseTo(2.0 / 3, within(1e-6));
    assertThat(sim.similarity(0, 2)).isCloseTo(1.0 / 4, within(1e-6));
  }

  @Test
  void conditionalProbabilityWithAlphaMatchesHandComputedValues() {
    ItemSimilarity plain = fit(Similarity.CONDITIONAL, RecommenderSpec.builder().alpha(0));
    assertThat(plain.similarity(0, 1)).isCloseTo(2.0 / 3, within(1e-6)); // P(1 | 0)
    assertThat(plain.similarity(1, 0)).isCloseTo(1.0, within(1e-6)); // P(0 | 1)
    ItemSimilarity damped = fit(Similarity.CONDITIONAL, RecommenderSpec.builder().alpha(0.5));
    assertThat(damped.similarity(1, 0)).isCloseTo(2 / (2 * Math.sqrt(3)), within(1e-6));
  }

  @Test
  void liftMatchesHandComputedValues() {
    ItemSimilarity sim = fit(Similarity.LIFT);
    assertThat(sim.similarity(0, 1)).isCloseTo(2.0 * 4 / (3 * 2), within(1e-6));
    assertThat(sim.similarity(0, 2)).isCloseTo(1.0 * 4 / (3 * 2), within(1e-6));
  }

  @Test
  void shrinkagePullsRarelyCoHeldPairsTowardsZero() {
    ItemSimilarity sim = fit(Similarity.COSINE, RecommenderSpec.builder().shrinkage(1));
    assertThat(sim.similarity(0, 1)).isCloseTo(2 / Math.sqrt(6) * 2 / 3, within(1e-6));
    assertThat(sim.similarity(0, 2)).isCloseTo(1 / Math.sqrt(6) / 2, within(1e-6));
  }

  @Test
  void topNKeepsOnlyTheMostSimilar() {
    ItemSimilarity sim = fit(Similarity.COSINE, RecommenderSpec.builder().neighbours(1));
    assertThat(sim.neighbours(0)).containsExactly(1);
    assertThat(sim.similarity(0, 2)).isZero();
  }

  @Test
  void normalisedNeighboursSumToOne() {
    ItemSimilarity sim = fit(Similarity.COSINE, RecommenderSpec.builder().normalizeNeighbours(true));
    assertThat(sim.similarities(0)).containsExactly(new double[] {2.0 / 3, 1.0 / 3}, within(1e-6));
  }

  @Test
  void weightedCosineUsesWeights() {
    InteractionMatrix m = InteractionMatrix.weighted(
        2, 2, new int[] {0, 0, 1}, new int[] {0, 1, 0}, new double[] {1, 2, 3});
    ItemSimilarity sim = RecommenderSpec.defaults().fit(m).similarity();
    // column 0 = (1, 3), column 1 = (2, 0): cos = 2 / (√10 · 2)
    assertThat(sim.similarity(0, 1)).isCloseTo(2 / (Math.sqrt(10) * 2), within(1e-6));
  }

  @Test
  void itemsNobodyHoldsHaveNoNeighbours() {
    InteractionMatrix m = InteractionMatrix.fromRows(4, new int[][] {{0, 1}, {}, {1}});
    ItemSimilarity sim = RecommenderSpec.defaults().fit(m).similarity();
    assertThat(sim.neighbours(3)).isEmpty();
    assertThat(sim.neighbours(2)).isEmpty();
  }
}
