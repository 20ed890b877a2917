package dev.bankml.models.segment;

import java.util.OptionalDouble;

/**
 * The evidence for one number of segments {@code k}: inertia (within-segment sum of squares, for
 * the elbow), silhouette (higher is better), Davies–Bouldin (lower is better), Calinski–Harabasz
 * (higher is better) and, for Gaussian mixtures, the BIC (lower is better).
 */
public record KCandidate(
    int k, double inertia, double silhouette, double daviesBouldin, double calinskiHarabasz, OptionalDouble bic) {}
