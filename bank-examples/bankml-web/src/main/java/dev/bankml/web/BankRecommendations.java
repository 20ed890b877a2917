package dev.bankml.web;

import dev.bankml.recommender.InteractionMatrix;
import dev.bankml.recommender.ItemRecommender;
import dev.bankml.recommender.RecommenderSpec;
import dev.bankml.recommender.bank.BankHoldings;
import dev.bankml.recommender.eval.EvaluationReport;
import dev.bankml.recommender.eval.RankingMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RecommendationsSource} over a bank directory: an item-based recommender fitted on all
 * holdings, and its offline evaluation against popularity on a temporal split (the last year's
 * openings are to be predicted).
 */
final class BankRecommendations implements RecommendationsSource {
  private final BankHoldings holdings;
  private final InteractionMatrix matrix;
  private final ItemRecommender recommender;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<OfflineMetric> metrics;

  BankRecommendations(BankHoldings holdings, RecommenderSpec spec, EvaluationReport evaluation) {
    this.holdings = holdings;
    this.matrix = holdings.matrix();
    this.recommender = spec.fit(matrix);
    for (int c = 0; c < holdings.customerCount(); c++) {
      index.put(holdings.customerId(c), c);
    }
    RankingMetrics m = evaluation.recommender();
    RankingMetrics p = evaluation.popularity();
    int k = m.k();
    this.metrics = List.of(
        new OfflineMetric("precision@" + k, m.precision(), p.precision()),
        new OfflineMetric("recall@" + k, m.recall(), p.recall()),
        new OfflineMetric("hit rate@" + k, m.hitRate(), p.hitRate()),
        new OfflineMetric("MAP@" + k, m.map(), p.map()),
        new OfflineMetric("NDCG@" + k, m.ndcg(), p.ndcg()),
        new OfflineMetric("catalogue coverage", m.coverage(), p.coverage()));
  }

  @Override
  public List<String> customers(int limit) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < holdings.customerCount() && out.size() < limit; c++) {
      out.add(holdings.customerId(c));
    }
    return out;
  }

  @Override
  public Optional<List<String>> holdings(String customerId) {
    Integer c = index.get(customerId);
    if (c == null) {
      return Optional.empty();
    }
    List<String> names = holdings.productNames();
    List<String> held = new ArrayList<>();
    for (int item : matrix.itemsOf(c)) {
      held.add(names.get(item));
    }
    return Optional.of(held);
  }

  @Override
  public List<Recommendation> recommend(String customerId, int k) {
    int c = index.get(customerId);
    List<Recommendation> out = new ArrayList<>();
    for (dev.bankml.recommender.Recommendation r : recommender.recommend(matrix.itemsOf(c), k)) {
      out.add(new Recommendation(holdings.productId(r.item()), r.label(), r.score(), List.of(r.reason())));
    }
    return out;
  }

  @Override
  public List<OfflineMetric> offlineMetrics() {
    return metrics;
  }
}
