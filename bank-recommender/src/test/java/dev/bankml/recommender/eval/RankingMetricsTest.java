package dev.bankml.recommender.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  @Test
  void metricsMatchHandComputedValues() {
    // Customer 0: relevant {1, 4}; recommended 1 (hit), 2, 4 (hit).
    // Customer 1: relevant {3}; recommended 0, 2, 5 (no hit).
    // Customer 2: nothing relevant: skipped.
    int[][] rec = {{1, 2, 4}, {0, 2, 5}, {7, 8, 9}};
    int[][] rel = {{4, 1}, {3}, {}};
    RankingMetrics m = RankingMetrics.of(rec, rel, 3, 10);
    assertThat(m.customers()).isEqualTo(2);
    assertThat(m.precision()).isCloseTo((2.0 / 3 + 0) / 2, within(1e-12));
    assertThat(m.recall()).isCloseTo((1.0 + 0) / 2, within(1e-12));
    assertThat(m.hitRate()).isCloseTo(0.5, within(1e-12));
    // AP of customer 0 = (1/1 + 2/3) / min(2, 3) = 5/6
    assertThat(m.map()).isCloseTo((5.0 / 6) / 2, within(1e-12));
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3)
    double ndcg0 = 1.5 / (1 + 1 / (Math.log(3) / Math.log(2)));
    assertThat(m.ndcg()).isCloseTo(ndcg0 / 2, within(1e-12));
    // items recommended to evaluated customers: 0 1 2 4 5 = 5 of 10
    assertThat(m.coverage()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void averagePrecisionDividesByKWhenMoreItemsAreRelevantThanK() {
    int[][] rec = {{0, 9}};
    int[][] rel = {{0, 1, 2}};
    RankingMetrics m = RankingMetrics.of(rec, rel, 2, 10);
    assertThat(m.map()).isCloseTo(1.0 / 2, within(1e-12));
    assertThat(m.precision()).isCloseTo(0.5, within(1e-12));
    assertThat(m.recall()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void perfectRankingScoresOne() {
    RankingMetrics m = RankingMetrics.of(new int[][] {{2, 1}}, new int[][] {{1, 2}}, 2, 3);
    assertThat(m.map()).isEqualTo(1.0);
    assertThat(m.ndcg()).isCloseTo(1.0, within(1e-12));
    assertThat(m.hitRate()).isEqualTo(1.0);
  }
}
