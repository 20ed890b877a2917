package dev.bankml.models.segment;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one segment looks like: its id ({@code -1} for noise), readable name, size and share of
 * customers, every feature against the population, the most distinguishing features (largest
 * |z| first), and — when the bank's tables were given — its default rate and the share of its
 * customers holding each product.
 */
public record SegmentProfile(
    int segment, String name, long size, double share, List<FeatureProfile> features, List<String> topFeatures,
    OptionalDouble defaultRate, Map<String, Double> productHoldings) {
  public SegmentProfile {
    features = List.copyOf(features);
    topFeatures = List.copyOf(topFeatures);
    productHoldings = Map.copyOf(productHoldings);
  }

  /** This profile under another name. */
  public SegmentProfile withName(String newName) {
    return new SegmentProfile(segment, newName, size, share, features, topFeatures, defaultRate, productHoldings);
  }
}
