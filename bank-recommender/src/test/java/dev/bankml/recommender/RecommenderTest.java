package dev.bankml.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.data.ProgressListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommenderTest {
  static final List<String> LABELS = List.of("Salary account", "Credit card", "Savings", "Mortgage");
  // Salary+card together often; savings with salary; mortgage with savings.
  static final InteractionMatrix HOLDINGS = InteractionMatrix.fromRows(4, new int[][] {
      {0, 1}, {0, 1}, {0, 1, 2}, {0, 2}, {2, 3}, {2, 3}, {0}, {}
  }).withItemLabels(LABELS);

  @Test
  void scoreIsTheSumOfSimilaritiesToHeldItems() {
    ItemRecommender r = RecommenderSpec.defaults().fit(HOLDINGS);
    ItemSimilarity s = r.similarity();
    List<Recommendation> recs = r.recommend(new int[] {1, 2}, 2);
    assertThat(recs).extracting(Recommendation::item).containsExactly(0, 3);
    assertThat(recs.get(0).score()).isCloseTo(s.similarity(1, 0) + s.similarity(2, 0), within(1e-6));
  }

  @Test
  void explanationNamesTheHeldItemContributingMost() {
    ItemRecommender r = RecommenderSpec.defaults().fit(HOLDINGS);
    Recommendation first = r.recommend(new int[] {1, 2}, 1).get(0);
    assertThat(first.because()).hasValue(1);
    assertThat(first.reason()).isEqualTo(
        String.format(java.util.Locale.ROOT, "because you hold Credit card (similarity %.2f)", r.similarity().similarity(1, 0)));
  }

  @Test
  void heldAndIneligibleItemsAreNeverRecommended() {
    ItemRecommender r = RecommenderSpec.defaults().fit(HOLDINGS);
    List<Recommendation> recs = r.recommend(7, new int[] {0}, ItemRecommender.NO_SEGMENT, 4, (c, i) -> i != 3);
    assertThat(recs).extracting(Recommendation::item).containsExactly(1, 2);
  }

  @Test
  void customerWithoutHoldingsGetsPopularity() {
    ItemRecommender r = RecommenderSpec.defaults().fit(HOLDINGS);
    List<Recommendation> recs = r.recommend(new int[0], 2);
    assertThat(recs).extracting(Recommendation::item).containsExactly(0, 2);
    assertThat(recs.get(0).because()).isEmpty();
    assertThat(recs.get(0).reason()).isEqualTo("popular with customers");
    assertThat(recs.get(0).score()).isCloseTo(5.0 / 8, within(1e-6));
  }

  @Test
  void coldStartUsesTheCustomersSegment() {
    int[] segments = {0, 0, 0, 0, 1, 1, 0, 1};
    ItemRecommender r = RecommenderSpec.defaults().fit(HOLDINGS, segments);
    TopK all = r.recommendAll(HOLDINGS, 2, OfferFilter.ALL, segments, ProgressListener.NONE);
    assertThat(all.itemsOf(7)).containsExactly(2, 3);
    assertThat(all.reason(7, 0)).isEqualTo("popular with customers like you");
  }

  @Test
  void fewHoldingsBlendInPopularity() {
    RecommenderSpec noBlend = RecommenderSpec.builder().blendWeight(0).build();
    RecommenderSpec strongBlend = RecommenderSpec.builder().blendWeight(10).blendBelow(2).build();
    // Holding only the mortgage: neighbours say savings only; popularity pulls the salary account first.
    assertThat(noBlend.fit(HOLDINGS).recommend(new int[] {3}, 2)).extracting(Recommendation::item).containsExactly(2, 0);
    assertThat(strongBlend.fit(HOLDINGS).recommend(new int[] {3}, 1)).extracting(Recommendation::item).containsExactly(0);
  }

  @Test
  void recommendAllAgreesWithSingleCustomerScoring() {
    ItemRecommender r = RecommenderSpec.defaults().fit(HOLDINGS);
    TopK all = r.recommendAll(HOLDINGS, 3);
    for (int c = 0; c < HOLDINGS.customers(); c++) {
      assertThat(all.of(c)).isEqualTo(r.recommend(HOLDINGS.itemsOf(c), 3));
    }
  }

  @Test
  void kBelowOneIsRefused() {
    ItemRecommender r = RecommenderSpec.defaults().fit(HOLDINGS);
    assertThatThrownBy(() -> r.recommend(new int[0], 0))
        .isInstanceOf(RecommenderInputException.class)
        .hasMessageContaining("k is 0");
  }

  @Test
  void sparseAndDensePathsGiveTheSameSimilarities() {
    // A catalogue above the dense limit, with the same 4 items in use, must give the same values.
    int n = ItemSimilarity.DENSE_LIMIT + 5;
    int[][] rows = new int[8][];
    for (int c = 0; c < 8; c++) {
      rows[c] = HOLDINGS.itemsOf(c);
    }
    InteractionMatrix big = InteractionMatrix.fromRows(n, rows);
    for (Similarity kind : Similarity.values()) {
      RecommenderSpec spec = RecommenderSpec.builder().similarity(kind).threads(2).build();
      ItemSimilarity dense = spec.fit(HOLDINGS).similarity();
      ItemSimilarity sparse = spec.fit(big).similarity();
      for (int i = 0; i < 4; i++) {
        assertThat(sparse.neighbours(i)).as(kind + " item " + i).containsExactly(dense.neighbours(i));
        assertThat(sparse.similarities(i)).containsExactly(dense.similarities(i), within(1e-6));
      }
    }
  }
}
