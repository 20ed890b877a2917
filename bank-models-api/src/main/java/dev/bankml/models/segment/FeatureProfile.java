package dev.bankml.models.segment;

/**
 * One feature within one segment, on the original scale: the segment's mean and median, the
 * population mean, and the z-score {@code (segment mean − population mean) / population sd}.
 */
public record FeatureProfile(String feature, double mean, double median, double populationMean, double zScore) {}
