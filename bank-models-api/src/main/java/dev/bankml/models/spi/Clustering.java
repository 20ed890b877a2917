package dev.bankml.models.spi;

import dev.bankml.features.FeatureMatrix;
import java.util.Optional;
import java.util.OptionalDouble;

/** A fitted clustering. Immutable and safe to call from many threads at once. */
public interface Clustering {
  /** The label density methods give to rows that belong to no cluster. */
  int NOISE = -1;

  /** The algorithm name, as in {@link AlgorithmSpec#name()}. */
  String algorithm();

  /** Number of clusters (not counting noise). */
  int k();

  /** Cluster labels (0 … k-1, or {@link #NOISE}) of the rows the clustering was fitted on. */
  int[] trainingLabels();

  /** The cluster of one new row. */
  int assign(double[] row);

  /** The cluster of every row of {@code x}. */
  int[] assign(FeatureMatrix x);

  /** Cluster centres (k rows), where the method defines them. */
  default Optional<double[][]> centroids() {
    return Optional.empty();
  }

  /** Bayesian information criterion, for probabilistic models such as Gaussian mixtures. */
  default OptionalDouble bic() {
    return OptionalDouble.empty();
  }
}
