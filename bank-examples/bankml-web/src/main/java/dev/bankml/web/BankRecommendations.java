package dev.bankml.web;

import dev.bankml.recommender.InteractionMatrix;
import dev.bankml.recommender.ItemRecommender;
import dev.bankml.recommender.RecommenderSpec;
import dev.bankml.recommender.bank.BankHoldings;
import dev.bankml.recommender.eval.EvaluationReport;
import dev.bankml.recommender.eval.RankingMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RecommendationsSource} over a bank directory: an item-based recommender fitted on all
 * holdings, and its offline evaluation against popularity on a temporal split (the last year's
 * openings are to be predicted).
 */
final class BankRecommendations implements RecommendationsSource {
  private static final int MAX_BECAUSE = 3;
  private final BankHoldings holdings;
  private final InteractionMatrix matrix;
  private final ItemRecommender recommender;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> ids;
  private final List<OfflineMetric> metrics;
  private final Evaluation evaluation;

  BankRecommendations(BankHoldings holdings, RecommenderSpec spec, EvaluationReport report, Evaluation evaluation) {
    this.holdings = holdings;
    this.matrix = holdings.matrix();
    this.recommender = spec.fit(matrix);
    List<String> all = new ArrayList<>();
    for (int c = 0; c < holdings.customerCount(); c++) {
      index.put(holdings.customerId(c), c);
      all.add(holdings.customerId(c));
    }
    this.ids = List.copyOf(all);
    RankingMetrics m = report.recommender();
    RankingMetrics p = report.popularity();
    int k = m.k();
    this.metrics = List.of(
        new OfflineMetric("precision@" + k, m.precision(), p.precision()),
        new OfflineMetric("recall@" + k, m.recall(), p.recall()),
        new OfflineMetric("hit rate@" + k, m.hitRate(), p.hitRate()),
        new OfflineMetric("MAP@" + k, m.map(), p.map()),
        new OfflineMetric("NDCG@" + k, m.ndcg(), p.ndcg()),
        new OfflineMetric("catalogue coverage", m.coverage(), p.coverage()));
    this.evaluation = evaluation;
  }

  @Override
  public List<String> customers() {
    return ids;
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
    int[] held = matrix.itemsOf(c);
    List<String> names = holdings.productNames();
    List<Recommendation> out = new ArrayList<>();
    for (dev.bankml.recommender.Recommendation r : recommender.recommend(held, k)) {
      List<double[]> links = new ArrayList<>();
      for (int h : held) {
        double s = recommender.similarity().similarity(h, r.item());
        if (s > 0) {
          links.add(new double[] {h, s});
        }
      }
      links.sort(Comparator.comparingDouble((double[] x) -> -x[1]));
      List<String> because = links.stream().limit(MAX_BECAUSE)
          .map(x -> String.format(Locale.ROOT, "%s (similarity %.2f)", names.get((int) x[0]), x[1])).toList();
      out.add(new Recommendation(holdings.productId(r.item()), r.label(), r.score(), List.of(r.reason()), because));
    }
    return out;
  }

  @Override
  public List<OfflineMetric> offlineMetrics() {
    return metrics;
  }

  @Override
  public Evaluation evaluation() {
    return evaluation;
  }

  @Override
  public String scoreMeaning() {
    return "The score adds up the product's similarity (0 to 1, how often the same customers hold both) "
        + "to each product the customer already holds: higher means more customers like this one hold it. "
        + "Products for a customer with nothing similar are ranked by popularity.";
  }
}
