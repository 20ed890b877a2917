package dev.bankml.web;

import java.util.List;
import java.util.Optional;

/** What the recommendations page needs from a fitted product recommender. */
public interface RecommendationsSource {
  /** Up to {@code limit} customer ids to offer in the picker. */
  List<String> customers(int limit);

  /** The products the customer holds, or empty when no such customer is known. */
  Optional<List<String>> holdings(String customerId);

  /** The customer's top {@code k} products not yet held, best first (the customer is known). */
  List<Recommendation> recommend(String customerId, int k);

  /** Offline ranking metrics of the recommender against the popularity baseline. */
  List<OfflineMetric> offlineMetrics();

  /** One recommended product with its score and the reasons behind it. */
  record Recommendation(String productId, String product, double score, List<String> reasons) {}

  /** One ranking metric, e.g. precision@5, for the model and for popularity. */
  record OfflineMetric(String metric, double model, double popularity) {}
}
