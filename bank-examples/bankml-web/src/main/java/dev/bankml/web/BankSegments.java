package dev.bankml.web;

import dev.bankml.models.segment.FeatureProfile;
import dev.bankml.models.segment.FittedSegmentation;
import dev.bankml.models.segment.ScatterSample;
import dev.bankml.models.segment.SegmentProfile;
import dev.bankml.report.ChartImage;
import dev.bankml.segment.SegmentCharts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SegmentsSource} over a fitted customer segmentation: its profiles (the most distinguishing
 * features only, so the table stays readable), its PCA scatter sample, its own charts, and the
 * segment of every customer it was fitted on.
 */
final class BankSegments implements SegmentsSource {
  /** Profile columns shown in the table: the features with the largest |z| in any segment. */
  static final int PROFILE_FEATURES = 6;

  private final List<String> features;
  private final List<Segment> segments;
  private final Map<Integer, Segment> byId = new HashMap<>();
  private final List<Point> scatter;
  private final Map<String, Integer> customerSegment;
  private final FittedSegmentation segmentation;

  /**
   * @param segmentation the fitted segmentation
   * @param customerSegment segment of every known customer id
   */
  BankSegments(FittedSegmentation segmentation, Map<String, Integer> customerSegment) {
    List<SegmentProfile> profiles = segmentation.profiles();
    this.features = distinguishing(profiles);
    List<Segment> list = new ArrayList<>();
    for (SegmentProfile p : profiles) {
      double[] z = new double[features.size()];
      for (int j = 0; j < z.length; j++) {
        z[j] = zScore(p, features.get(j));
      }
      Segment s = new Segment(p.segment(), p.name(), p.size(), z);
      list.add(s);
      byId.put(s.id(), s);
    }
    this.segments = List.copyOf(list);
    ScatterSample sample = segmentation.scatter();
    List<Point> points = new ArrayList<>(sample.segment().length);
    for (int i = 0; i < sample.segment().length; i++) {
      points.add(new Point(sample.pc1()[i], sample.pc2()[i], sample.segment()[i]));
    }
    this.scatter = List.copyOf(points);
    this.customerSegment = Map.copyOf(customerSegment);
    this.segmentation = segmentation;
  }

  private static List<String> distinguishing(List<SegmentProfile> profiles) {
    Map<String, Double> maxAbsZ = new java.util.LinkedHashMap<>();
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
    for (FeatureProfile f : p.features()) {
      if (f.feature().equals(feature)) {
        return Double.isFinite(f.zScore()) ? f.zScore() : 0;
      }
    }
    return 0;
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

  /** The segmentation's own charts (scatter, elbow, silhouette, profile heat map, sizes); drawn on each call. */
  @Override
  public List<ChartImage> charts() {
    return SegmentCharts.all(segmentation);
  }
}
