package dev.bankml.models.spi;

import dev.bankml.features.FeatureMatrix;
import java.util.Arrays;

/** Trains a {@link Classifier}; holds the configuration (algorithm, hyperparameters, seed). */
public interface ClassifierTrainer {
  /**
   * Trains on {@code x} with labels {@code y} (0 = negative, 1 = positive) and non-negative
   * per-row {@code weights}.
   */
  Classifier fit(FeatureMatrix x, int[] y, double[] weights);

  /** Trains with every row weighted 1. */
  default Classifier fit(FeatureMatrix x, int[] y) {
    double[] w = new double[y.length];
    Arrays.fill(w, 1.0);
    return fit(x, y, w);
  }
}
