package dev.bankml.recommender.eval;

import dev.bankml.recommender.RecommenderInputException;
import java.util.Arrays;

/**
 * Top-k ranking quality averaged over the customers who have something to predict (customers
 * with no relevant items are skipped, as usual in recommender evaluation).
 *
 * @param k the cut-off
 * @param customers how many customers were evaluated
 * @param precision hits in the top k divided by k
 * @param recall hits in the top k divided by the number of relevant items
 * @param hitRate share of customers with at least one hit
 * @param map mean average precision at k: Σ precision@rank over hit ranks / min(relevant, k), the
 *     Santander product-recommendation score
 * @param ndcg discounted cumulative gain (1 / log2(rank + 1) per hit) over its ideal value
 * @param coverage distinct items recommended to the evaluated customers over the catalogue size
 */
public record RankingMetrics(
    int k, int customers, double precision, double recall, double hitRate, double map, double ndcg, double coverage) {

  /**
   * Metrics of {@code recommended[c]} (best first) against {@code relevant[c]} for every customer
   * c with relevant items; {@code items} is the catalogue size for coverage.
   */
  public static RankingMetrics of(int[][] recommended, int[][] relevant, int k, int items) {
    if (recommended.length != relevant.length) {
      throw new RecommenderInputException(
          "got recommendations for " + recommended.length + " customers but relevant items for "
              + relevant.length + "; give both for the same customers");
    }
    if (k < 1) {
      throw new RecommenderInputException("k is " + k + "; valid: ≥ 1");
    }
    double precision = 0;
    double recall = 0;
    double hits = 0;
    double map = 0;
    double ndcg = 0;
    int users = 0;
    boolean[] seen = new boolean[Math.max(items, 0)];
    int distinct = 0;
    for (int c = 0; c < recommended.length; c++) {
      int[] rel = relevant[c].clone();
      if (rel.length == 0) {
        continue;
      }
      Arrays.sort(rel);
      users++;
      int[] rec = recommended[c];
      int top = Math.min(k, rec.length);
      int hit = 0;
      double ap = 0;
      double dcg = 0;
      for (int r = 0; r < top; r++) {
        int item = rec[r];
        if (item >= 0 && item < seen.length && !seen[item]) {
          seen[item] = true;
          distinct++;
        }
        if (Arrays.binarySearch(rel, item) >= 0) {
          hit++;
          ap += (double) hit / (r + 1);
          dcg += 1 / log2(r + 2);
        }
      }
      int ideal = Math.min(rel.length, k);
      double idcg = 0;
      for (int r = 0; r < ideal; r++) {
        idcg += 1 / log2(r + 2);
      }
      precision += (double) hit / k;
      recall += (double) hit / rel.length;
      hits += hit > 0 ? 1 : 0;
      map += ap / ideal;
      ndcg += dcg / idcg;
    }
    if (users == 0) {
      return new RankingMetrics(k, 0, 0, 0, 0, 0, 0, 0);
    }
    return new RankingMetrics(
        k, users, precision / users, recall / users, hits / users, map / users, ndcg / users,
        items == 0 ? 0 : (double) distinct / items);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
