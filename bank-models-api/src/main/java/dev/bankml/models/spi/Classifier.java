package dev.bankml.models.spi;

import dev.bankml.features.FeatureMatrix;
import java.util.Optional;

/**
 * A trained binary classifier. Immutable and safe to call from many threads at once.
 */
public interface Classifier {
  /** The algorithm name, as in {@link AlgorithmSpec#name()}. */
  String algorithm();

  /** Number of features a row must have. */
  int featureCount();

  /** Probability of the positive class for one row of {@link #featureCount()} values. */
  double probability(double[] row);

  /**
   * Probability of the positive class for every row of {@code x}. Implementations score the whole
   * matrix at once, without per-row conversion overhead.
   */
  double[] probabilities(FeatureMatrix x);

  /**
   * Exact or model-specific feature contributions for one row (linear terms, TreeSHAP), or empty
   * when the backend offers none for this algorithm; callers then use a model-agnostic method.
   */
  default Optional<Contributions> contributions(double[] row) {
    return Optional.empty();
  }

  /** Global importance per feature as the backend reports it (e.g. gain or |coefficient|), or empty. */
  default Optional<double[]> featureImportance() {
    return Optional.empty();
  }
}
