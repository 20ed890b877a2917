package dev.bankml.recommender.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.recommender.InteractionMatrix;
import dev.bankml.recommender.OfferFilter;
import dev.bankml.recommender.RecommenderSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HoldoutTest {
  @Test
  void temporalSplitTrainsOnEarlierHoldingsAndPredictsNewOnes() {
    // customer 0: item 0 day 1, item 1 day 10; customer 1: item 1 day 2, item 1 again day 12 (not new), item 2 day 20
    Holdout h = Holdout.temporal(
        3, List.of("a", "b", "c"), new int[] {0, 0, 1, 1, 1}, new int[] {0, 1, 1, 1, 2},
        new long[] {1, 10, 2, 12, 20}, 10);
    assertThat(h.train().itemsOf(0)).containsExactly(0);
    assertThat(h.train().itemsOf(1)).containsExactly(1);
    assertThat(h.test()[0]).containsExactly(1);
    assertThat(h.test()[1]).containsExactly(2);
    assertThat(h.test()[2]).isEmpty();
    assertThat(h.evaluatedCustomers()).isEqualTo(2);
    assertThat(h.train().itemLabels()).containsExactly("a", "b", "c");
  }

  @Test
  void leaveKOutHidesKItemsOfCustomersHoldingMore() {
    InteractionMatrix m = InteractionMatrix.fromRows(5, new int[][] {{0, 1, 2}, {3}, {0, 4}});
    Holdout h = Holdout.leaveKOut(m, 1, 42);
    for (int c = 0; c < 3; c++) {
      int[] train = h.train().itemsOf(c);
      int[] test = h.test()[c];
      assertThat(train.length + test.length).isEqualTo(m.holdingCount(c));
      for (int i : test) {
        assertThat(m.holds(c, i)).isTrue();
        assertThat(train).doesNotContain(i);
      }
    }
    assertThat(h.test()[1]).isEmpty();
    assertThat(h.test()[0]).hasSize(1);
    assertThat(Holdout.leaveKOut(m, 1, 42).test()).isDeepEqualTo(h.test());
  }

  @Test
  void oracleRanksUnheldEligibleItemsByTruePropensity() {
    InteractionMatrix train = InteractionMatrix.fromRows(4, new int[][] {{0}});
    int[][] oracle = Evaluation.oracle(train, new int[][] {{2}}, (c, i) -> i / 10.0, 2, (c, i) -> i != 3);
    assertThat(oracle[0]).containsExactly(2, 1);
  }

  @Test
  void evaluationReportsRecommenderPopularityAndOracle() {
    // Two kinds of customer: {0,1,2} and {3,4,5}; hiding one item, co-occurrence should find it.
    int[][] rows = new int[200][];
    for (int c = 0; c < 200; c++) {
      rows[c] = c % 2 == 0 ? new int[] {0, 1, 2} : new int[] {3, 4, 5};
    }
    Holdout h = Holdout.leaveKOut(InteractionMatrix.fromRows(6, rows), 1, 7);
    Propensity truth = (c, i) -> (c % 2 == 0) == (i < 3) ? 1 : 0;
    EvaluationReport r = Evaluation.run(RecommenderSpec.defaults(), h, 1, OfferFilter.ALL, new int[0], Optional.of(truth));
    assertThat(r.recommender().map()).isEqualTo(1.0);
    assertThat(r.oracle()).isPresent();
    assertThat(r.popularity().map()).isLessThan(0.7);
    assertThat(r.mapOverPopularity()).isGreaterThan(1.3);
  }
}
