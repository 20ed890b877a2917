package dev.bankml.web;

import dev.bankml.features.dictionary.DataDictionary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the browser UI shows. Pages whose source is absent say so instead of failing.
 *
 * @param scorers the loan models; the first answers the plain API, all are shown side by side
 * @param insights model-page data, one per evaluated model (the model page's selector lists them)
 * @param segments the customer segmentation
 * @param recommendations the product recommender
 * @param dictionary labels, units, descriptions and groups of the columns every page shows
 * @param applicants known customers as loan applicants today, to fill the loan form from a customer id
 */
public record UiSources(
    List<LoanScorer> scorers,
    List<ModelInsights> insights,
    Optional<SegmentsSource> segments,
    Optional<RecommendationsSource> recommendations,
    DataDictionary dictionary,
    Optional<ApplicantSource> applicants) {

  /** Copies the lists. */
  public UiSources {
    scorers = List.copyOf(scorers);
    insights = List.copyOf(insights);
  }

  /** No sources at all and the bank's dictionary; add sources with the {@code with…} methods. */
  public static UiSources none() {
    return new UiSources(List.of(), List.of(), Optional.empty(), Optional.empty(), DataDictionary.bank(),
        Optional.empty());
  }

  /** These sources plus {@code scorer}. */
  public UiSources withScorer(LoanScorer scorer) {
    List<LoanScorer> all = new ArrayList<>(scorers);
    all.add(scorer);
    return new UiSources(all, insights, segments, recommendations, dictionary, applicants);
  }

  /** These sources plus one more model's page data. */
  public UiSources withInsights(ModelInsights value) {
    List<ModelInsights> all = new ArrayList<>(insights);
    all.add(value);
    return new UiSources(scorers, all, segments, recommendations, dictionary, applicants);
  }

  /** These sources with the segmentation. */
  public UiSources withSegments(SegmentsSource value) {
    return new UiSources(scorers, insights, Optional.of(value), recommendations, dictionary, applicants);
  }

  /** These sources with the recommender. */
  public UiSources withRecommendations(RecommendationsSource value) {
    return new UiSources(scorers, insights, segments, Optional.of(value), dictionary, applicants);
  }

  /** These sources with another data dictionary. */
  public UiSources withDictionary(DataDictionary value) {
    return new UiSources(scorers, insights, segments, recommendations, value, applicants);
  }

  /** These sources with customers' applicant profiles for the loan form. */
  public UiSources withApplicants(ApplicantSource value) {
    return new UiSources(scorers, insights, segments, recommendations, dictionary, Optional.of(value));
  }
}
