package dev.bankml.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CoOccurrenceTest {
  @Test
  void openingAndClosingHoldingsMatchesAFullRefit() {
    for (int items : new int[] {4, ItemSimilarity.DENSE_LIMIT + 1}) {
      InteractionMatrix start = InteractionMatrix.fromRows(items, new int[][] {{0, 1}, {0, 2}, {1, 2, 3}});
      CoOccurrence live = CoOccurrence.of(start);
      assertThat(live.open(0, 3)).isTrue();
      assertThat(live.open(0, 3)).isFalse();
      assertThat(live.close(2, 1)).isTrue();
      assertThat(live.close(2, 1)).isFalse();
      assertThat(live.open(4, 0)).isTrue(); // a new customer; customer 3 holds nothing
      InteractionMatrix now = InteractionMatrix.fromRows(items, new int[][] {{0, 1, 3}, {0, 2}, {2, 3}, {}, {0}});
      assertThat(live.customers()).isEqualTo(5);
      assertThat(live.count(0, 3)).isEqualTo(1);
      assertThat(live.count(1, 3)).isEqualTo(1);
      assertThat(live.count(2, 3)).isEqualTo(1);
      assertThat(live.count(1, 2)).isZero();
      for (Similarity kind : Similarity.values()) {
        RecommenderSpec spec = RecommenderSpec.builder().similarity(kind).build();
        ItemSimilarity incremental = spec.fit(live).similarity();
        ItemSimilarity refit = spec.fit(now).similarity();
        for (int i = 0; i < 4; i++) {
          assertThat(incremental.neighbours(i)).containsExactly(refit.neighbours(i));
          assertThat(incremental.similarities(i)).containsExactly(refit.similarities(i), within(1e-6));
        }
      }
      assertThat(live.toMatrix().itemsOf(0)).containsExactly(0, 1, 3);
    }
  }

  @Test
  void countsMadeElsewhereGiveTheRecommenderOfTheMatrix() {
    InteractionMatrix m = InteractionMatrix.fromRows(5, new int[][] {{0, 1, 3}, {0, 2}, {2, 3}, {}, {0, 4}, {1, 3, 4}});
    int n = m.items();
    int[] support = new int[n];
    int[] pairs = new int[n * n];
    for (int c = 0; c < m.customers(); c++) {
      int[] row = m.itemsOf(c);
      for (int p = 0; p < row.length; p++) {
        support[row[p]]++;
        for (int q = p + 1; q < row.length; q++) {
          pairs[row[p] * n + row[q]]++;
          pairs[row[q] * n + row[p]]++;
        }
      }
    }
    for (Similarity kind : Similarity.values()) {
      RecommenderSpec spec = RecommenderSpec.builder().similarity(kind).build();
      TopK fromCounts = spec.fit(m.customers(), support, pairs, m.itemLabels()).recommendAll(m, 3);
      TopK fromMatrix = spec.fit(m).recommendAll(m, 3);
      for (int c = 0; c < m.customers(); c++) {
        assertThat(fromCounts.count(c)).isEqualTo(fromMatrix.count(c));
        for (int r = 0; r < fromCounts.count(c); r++) {
          assertThat(fromCounts.item(c, r)).as(kind + " customer " + c).isEqualTo(fromMatrix.item(c, r));
          assertThat(fromCounts.score(c, r)).isEqualTo(fromMatrix.score(c, r));
          assertThat(fromCounts.reason(c, r)).isEqualTo(fromMatrix.reason(c, r));
        }
      }
    }
  }
}
