package dev.bankml.web;

import dev.bankml.features.dictionary.ColumnDescription;
import dev.bankml.features.dictionary.DataDictionary;
import dev.bankml.models.segment.FeatureProfile;
import dev.bankml.models.segment.FittedSegmentation;
import dev.bankml.models.segment.KSelection;
import dev.bankml.models.segment.ScatterSample;
import dev.bankml.models.segment.SegmentProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * {@link SegmentsSource} over a fitted customer segmentation: its profiles (the most distinguishing
 * features only, so the table stays readable), outcomes (default rate, income, products, spending)
 * and a sentence per segment, its PCA scatter sample, the evidence for k, and the segment of every
 * customer it was fitted on.
 */
final class BankSegments implements SegmentsSource {
  /** Profile columns shown in the table: the features with the largest |z| in any segment. */
  static final int PROFILE_FEATURES = 6;
  private static final int TOP = 3;

  private final List<String> features;
  private final List<Segment> segments;
  private final Map<Integer, Segment> byId = new HashMap<>();
  private final List<Point> scatter;
  private final Map<String, Integer> customerSegment;
  private final FittedSegmentation segmentation;
  private final IntFunction<Optional<SegmentsSource>> refit;

  /**
   * @param segmentation the fitted segmentation
   * @param customerSegment segment of every known customer id, in training order
   * @param dictionary labels of features and products
   * @param refit the same customers segmented into another number of segments (empty when it cannot)
   */
  BankSegments(FittedSegmentation segmentation, Map<String, Integer> customerSegment, DataDictionary dictionary,
      IntFunction<Optional<SegmentsSource>> refit) {
    List<SegmentProfile> profiles = segmentation.profiles();
    this.features = distinguishing(profiles);
    List<Segment> list = new ArrayList<>();
    for (SegmentProfile p : profiles) {
      double[] z = new double[features.size()];
      for (int j = 0; j < z.length; j++) {
        z[j] = zScore(p, features.get(j));
      }
      Segment s = new Segment(p.segment(), p.name(), p.size(), z, describe(p, dictionary), p.defaultRate(),
          median(p, "annual_income"), products(p, dictionary), spending(p, dictionary));
      list.add(s);
      byId.put(s.id(), s);
    }
    this.segments = List.copyOf(list);
    ScatterSample sample = segmentation.scatter();
    // the sample holds every customer in training order when the bank is small enough to plot whole
    List<String> ids = new ArrayList<>(customerSegment.keySet());
    boolean whole = ids.size() == sample.segment().length;
    List<Point> points = new ArrayList<>(sample.segment().length);
    for (int i = 0; i < sample.segment().length; i++) {
      points.add(new Point(sample.pc1()[i], sample.pc2()[i], sample.segment()[i], whole ? ids.get(i) : ""));
    }
    this.scatter = List.copyOf(points);
    this.customerSegment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(customerSegment));
    this.segmentation = segmentation;
    this.refit = refit;
  }

  FittedSegmentation segmentation() {
    return segmentation;
  }

  private static List<String> distinguishing(List<SegmentProfile> profiles) {
    Map<String, Double> maxAbsZ = new LinkedHashMap<>();
    for (SegmentProfile p : profiles) {
      if (p.segment() < 0) {
        continue; // noise does not define what distinguishes segments
      }
      for (FeatureProfile f : p.features()) {
        double z = Double.isFinite(f.zScore()) ? Math.abs(f.zScore()) : 0;
        maxAbsZ.merge(f.feature(), z, Math::max);
      }
    }
    return maxAbsZ.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(PROFILE_FEATURES).map(Map.Entry::getKey).toList();
  }

  private static double zScore(SegmentProfile p, String feature) {
    return feature(p, feature).map(f -> Double.isFinite(f.zScore()) ? f.zScore() : 0).orElse(0.0);
  }

  private static Optional<FeatureProfile> feature(SegmentProfile p, String feature) {
    return p.features().stream().filter(f -> f.feature().equals(feature)).findFirst();
  }

  private static double median(SegmentProfile p, String feature) {
    return feature(p, feature).map(FeatureProfile::median).orElse(Double.NaN);
  }

  private static List<Share> products(SegmentProfile p, DataDictionary dictionary) {
    ColumnDescription product = dictionary.describe("product_id");
    return p.productHoldings().entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey))
        .limit(TOP).map(e -> new Share(product.levelLabel(e.getKey()), e.getValue())).toList();
  }

  /** The spending categories with the largest mean share of spending ({@code share_*} features). */
  private static List<Share> spending(SegmentProfile p, DataDictionary dictionary) {
    return p.features().stream()
        .filter(f -> f.feature().startsWith("share_") && Double.isFinite(f.mean()))
        .sorted(Comparator.comparingDouble((FeatureProfile f) -> -f.mean()))
        .limit(TOP)
        .map(f -> new Share(dictionary.describe(f.feature()).label().replaceFirst(" share$", ""), f.mean()))
        .toList();
  }

  /**
   * A sentence on what sets the segment apart: its two most distinguishing features against the
   * bank (as a multiple of the average where both are positive), then its default rate.
   */
  static String describe(SegmentProfile p, DataDictionary dictionary) {
    List<String> parts = new ArrayList<>();
    for (String name : p.topFeatures().stream().limit(2).toList()) {
      Optional<FeatureProfile> f = feature(p, name);
      if (f.isEmpty() || !Double.isFinite(f.get().zScore())) {
        continue;
      }
      FeatureProfile fp = f.get();
      String label = dictionary.describe(name).label();
      String lower = label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
      if (fp.mean() > 0 && fp.populationMean() > 0 && Double.isFinite(fp.mean())) {
        double ratio = fp.mean() / fp.populationMean();
        parts.add(ratio >= 1
            ? String.format(Locale.ROOT, "%s %.1f× the bank average", lower, ratio)
            : String.format(Locale.ROOT, "%s %.0f %% below the bank average", lower, 100 * (1 - ratio)));
      } else {
        parts.add((fp.zScore() > 0 ? "high " : "low ") + lower);
      }
    }
    String text = parts.isEmpty() ? "" : Character.toUpperCase(parts.get(0).charAt(0)) + parts.get(0).substring(1)
        + (parts.size() > 1 ? "; " + parts.get(1) : "");
    if (p.defaultRate().isPresent()) {
      text += (text.isEmpty() ? "" : "; ") + String.format(Locale.ROOT, "%.1f %% of its borrowers defaulted",
          100 * p.defaultRate().getAsDouble());
    }
    return text.isEmpty() ? "" : text + ".";
  }

  @Override
  public List<String> profileFeatures() {
    return features;
  }

  @Override
  public List<Segment> segments() {
    return segments;
  }

  @Override
  public List<Point> scatter() {
    return scatter;
  }

  @Override
  public Optional<Segment> segmentOf(String customerId) {
    Integer s = customerSegment.get(customerId);
    return s == null ? Optional.empty() : Optional.ofNullable(byId.get(s));
  }

  @Override
  public Optional<KEvidence> kEvidence() {
    KSelection sel = segmentation.kSelection();
    if (sel.candidates().isEmpty()) {
      return Optional.empty();
    }
    List<KCandidate> candidates = sel.candidates().stream()
        .map(c -> new KCandidate(c.k(), c.inertia(), c.silhouette(), c.daviesBouldin(), c.calinskiHarabasz(),
            c.predictionStrength().orElse(Double.NaN))).toList();
    List<Vote> votes = sel.votes().stream().map(v -> new Vote(v.criterion(), v.k())).toList();
    return Optional.of(new KEvidence(sel.chosen(), sel.rule(), candidates, votes));
  }

  @Override
  public Optional<SegmentsSource> refit(int k) {
    return refit.apply(k);
  }
}
