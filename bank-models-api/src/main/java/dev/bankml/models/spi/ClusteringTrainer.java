package dev.bankml.models.spi;

import dev.bankml.features.FeatureMatrix;

/** Fits a {@link Clustering}; holds the configuration (algorithm, hyperparameters, seed). */
public interface ClusteringTrainer {
  /** Clusters the rows of {@code x}. */
  Clustering fit(FeatureMatrix x);
}
