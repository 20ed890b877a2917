package dev.bankml.models.segment;

/**
 * How good the fitted segments are on the training rows (noise rows left out): silhouette (sampled
 * for large n; −1 … 1, higher is better), Davies–Bouldin (lower is better), Calinski–Harabasz
 * (higher is better), inertia, the number of noise rows, and stability — the mean adjusted Rand
 * index between the fitted labels and refits on reseeded bootstrap samples (1 = perfectly stable).
 * A metric that is undefined (fewer than two segments) is {@link Double#NaN}.
 */
public record SegmentationQuality(
    int k, double silhouette, double daviesBouldin, double calinskiHarabasz, double inertia, long noise,
    double stability) {}
