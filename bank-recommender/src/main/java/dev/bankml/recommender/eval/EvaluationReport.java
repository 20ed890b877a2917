package dev.bankml.recommender.eval;

import java.util.Optional;

/**
 * The recommender's ranking metrics next to the popularity baseline and, when the true
 * propensities are known, the oracle that ranks by them.
 */
public record EvaluationReport(RankingMetrics recommender, RankingMetrics popularity, Optional<RankingMetrics> oracle) {
  /** The recommender's MAP@k over the popularity baseline's. */
  public double mapOverPopularity() {
    return recommender.map() / popularity.map();
  }

  /** The recommender's MAP@k over the oracle's, when the oracle is known. */
  public Optional<Double> mapOverOracle() {
    return oracle.map(o -> recommender.map() / o.map());
  }
}
