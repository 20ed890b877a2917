package dev.bankml.models.segment;

import java.util.OptionalDouble;

/**
 * The evidence for one number of segments {@code k}: inertia (within-segment sum of squares, for
 * the elbow), silhouette (higher is better), Davies–Bouldin (lower is better), Calinski–Harabasz
 * (higher is better), for Gaussian mixtures the BIC (lower is better), and the prediction strength
 * (see {@link PredictionStrength}; at least 0.9 means every segment is reproducible), when computed.
 */
public record KCandidate(
    int k, double inertia, double silhouette, double daviesBouldin, double calinskiHarabasz, OptionalDouble bic,
    OptionalDouble predictionStrength) {

  /** A candidate without a prediction strength. */
  public KCandidate(int k, double inertia, double silhouette, double daviesBouldin, double calinskiHarabasz,
      OptionalDouble bic) {
    this(k, inertia, silhouette, daviesBouldin, calinskiHarabasz, bic, OptionalDouble.empty());
  }

  /** This candidate with its prediction strength (NaN leaves it empty). */
  public KCandidate withPredictionStrength(double strength) {
    return new KCandidate(k, inertia, silhouette, daviesBouldin, calinskiHarabasz, bic,
        Double.isNaN(strength) ? OptionalDouble.empty() : OptionalDouble.of(strength));
  }
}
