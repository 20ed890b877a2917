package dev.bankml.web;

import java.util.List;
import java.util.Optional;

/**
 * Everything the browser UI shows. Pages whose source is absent say so instead of failing.
 *
 * @param scorers the loan models; the first answers the plain API, all are shown side by side
 * @param insights model-page data of the first scorer
 * @param segments the customer segmentation
 * @param recommendations the product recommender
 */
public record UiSources(
    List<LoanScorer> scorers,
    Optional<ModelInsights> insights,
    Optional<SegmentsSource> segments,
    Optional<RecommendationsSource> recommendations) {

  /** Copies the scorer list. */
  public UiSources {
    scorers = List.copyOf(scorers);
  }

  /** No sources at all; add them with the {@code with…} methods. */
  public static UiSources none() {
    return new UiSources(List.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** These sources plus {@code scorer}. */
  public UiSources withScorer(LoanScorer scorer) {
    List<LoanScorer> all = new java.util.ArrayList<>(scorers);
    all.add(scorer);
    return new UiSources(all, insights, segments, recommendations);
  }

  /** These sources with the model-page data. */
  public UiSources withInsights(ModelInsights value) {
    return new UiSources(scorers, Optional.of(value), segments, recommendations);
  }

  /** These sources with the segmentation. */
  public UiSources withSegments(SegmentsSource value) {
    return new UiSources(scorers, insights, Optional.of(value), recommendations);
  }

  /** These sources with the recommender. */
  public UiSources withRecommendations(RecommendationsSource value) {
    return new UiSources(scorers, insights, segments, Optional.of(value));
  }
}
