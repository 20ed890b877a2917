package dev.bankml.recommender.eval;

import dev.bankml.data.ProgressListener;
import dev.bankml.recommender.InteractionMatrix;
import dev.bankml.recommender.ItemRecommender;
import dev.bankml.recommender.OfferFilter;
import dev.bankml.recommender.RecommenderInputException;
import dev.bankml.recommender.RecommenderSpec;
import java.util.Optional;

/**
 * Fits a recommender on a {@link Holdout}'s training part and measures its top-k against the test
 * part, next to the popularity baseline and (when the truth is known) the oracle.
 */
public final class Evaluation {
  private Evaluation() {}

  /**
   * Evaluates {@code spec} on {@code holdout} at cut-off {@code k}; {@code eligibility} filters
   * every ranker alike, {@code segments} (one per customer, or empty) feeds cold-start popularity,
   * and {@code truth} when present adds the oracle.
   */
  public static EvaluationReport run(
      RecommenderSpec spec,
      Holdout holdout,
      int k,
      OfferFilter eligibility,
      int[] segments,
      Optional<Propensity> truth) {
    InteractionMatrix train = holdout.train();
    ItemRecommender model = spec.fit(train, segments);
    RankingMetrics rec = score(model, holdout, k, eligibility, segments);
    ItemRecommender popular = ItemRecommender.popularityBaseline(train, new int[0]);
    RankingMetrics pop = score(popular, holdout, k, eligibility, new int[0]);
    Optional<RankingMetrics> oracle = truth.map(t -> RankingMetrics.of(oracle(train, holdout.test(), t, k, eligibility), holdout.test(), k, train.items()));
    return new EvaluationReport(rec, pop, oracle);
  }

  private static RankingMetrics score(ItemRecommender model, Holdout h, int k, OfferFilter e, int[] segments) {
    int[][] lists = model.recommendAll(h.train(), k, e, segments, ProgressListener.NONE).lists();
    return RankingMetrics.of(lists, h.test(), k, h.train().items());
  }

  /**
   * The oracle's top {@code k} per customer with test items: eligible items not held in {@code
   * train}, ranked by true propensity.
   */
  public static int[][] oracle(InteractionMatrix train, int[][] test, Propensity truth, int k, OfferFilter eligibility) {
    if (k < 1) {
      throw new RecommenderInputException("k is " + k + "; valid: ≥ 1");
    }
    int n = train.items();
    int[][] out = new int[train.customers()][];
    int[] top = new int[k];
    double[] topScore = new double[k];
    for (int c = 0; c < out.length; c++) {
      if (test[c].length == 0) {
        out[c] = new int[0];
        continue;
      }
      int size = 0;
      for (int i = 0; i < n; i++) {
        if (train.holds(c, i) || !eligibility.eligible(c, i)) {
          continue;
        }
        double s = truth.of(c, i);
        if (size == k && s <= topScore[k - 1]) {
          continue;
        }
        int pos = size == k ? k - 1 : size++;
        while (pos > 0 && s > topScore[pos - 1]) {
          top[pos] = top[pos - 1];
          topScore[pos] = topScore[pos - 1];
          pos--;
        }
        top[pos] = i;
        topScore[pos] = s;
      }
      out[c] = java.util.Arrays.copyOf(top, size);
    }
    return out;
  }
}
