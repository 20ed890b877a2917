package dev.bankml.web;

import java.util.List;
import java.util.Optional;

/** What the recommendations page needs from a fitted product recommender. */
public interface RecommendationsSource {
  /** Every known customer id, in the bank's order. */
  List<String> customers();

  /** The products the customer holds, or empty when no such customer is known. */
  Optional<List<String>> holdings(String customerId);

  /** The customer's top {@code k} products not yet held, best first (the customer is known). */
  List<Recommendation> recommend(String customerId, int k);

  /** Offline ranking metrics of the recommender against the popularity baseline. */
  List<OfflineMetric> offlineMetrics();

  /** How {@link #offlineMetrics()} were measured. */
  Evaluation evaluation();

  /** What a recommendation's score means, in a sentence. */
  String scoreMeaning();

  /**
   * One recommended product with its score and why.
   *
   * @param because the held products that lead to it, strongest first, e.g. "Salary account (similarity 0.42)";
   *     empty when it comes from popularity
   */
  record Recommendation(String productId, String product, double score, List<String> reasons, List<String> because) {
    /** Copies the lists. */
    public Recommendation {
      reasons = List.copyOf(reasons);
      because = List.copyOf(because);
    }

    /** A recommendation without the held products behind it. */
    public Recommendation(String productId, String product, double score, List<String> reasons) {
      this(productId, product, score, reasons, List.of());
    }
  }

  /** One ranking metric, e.g. precision@5, for the model and for popularity. */
  record OfflineMetric(String metric, double model, double popularity) {}

  /**
   * How the offline metrics were measured.
   *
   * @param method the method in words
   * @param splitDate holdings opened before it train, those opened on or after it are to be predicted
   * @param customers customers evaluated (those who opened a product on or after the split)
   * @param k the cut-off of the ranked lists
   */
  record Evaluation(String method, String splitDate, long customers, int k) {}
}
