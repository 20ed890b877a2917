package dev.bankml.segment;

import dev.bankml.models.segment.FeatureProfile;
import dev.bankml.models.segment.FittedSegmentation;
import dev.bankml.models.segment.KCandidate;
import dev.bankml.models.segment.KSelection;
import dev.bankml.models.segment.ScatterSample;
import dev.bankml.models.segment.SegmentProfile;
import dev.bankml.report.ChartImage;
import dev.bankml.report.Charts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts of a segmentation, drawn with the report's chart library: the 2-D PCA scatter by
 * segment, the elbow (inertia) and silhouette curves over the k tried, the profile heat map
 * (z-scores of the most distinguishing features) and segment sizes.
 */
public final class SegmentCharts {
  /** At most this many features (columns) in the heat map, the most distinguishing first. */
  static final int HEAT_MAP_FEATURES = 14;
  private static final int LABEL_LENGTH = 38;

  private SegmentCharts() {}

  /** Every chart that applies: the elbow and silhouette curves need at least two k tried. */
  public static List<ChartImage> all(FittedSegmentation s) {
    List<ChartImage> out = new ArrayList<>();
    out.add(scatter(s));
    if (s.kSelection().candidates().size() >= 2) {
      out.add(elbow(s.kSelection()));
      out.add(silhouette(s.kSelection()));
    }
    out.add(profileHeatMap(s));
    out.add(sizes(s));
    return out;
  }

  /** Customers on the first two principal components, one colour per segment (sampled). */
  public static ChartImage scatter(FittedSegmentation s) {
    ScatterSample p = s.scatter();
    Map<Integer, List<Integer>> bySegment = new LinkedHashMap<>();
    for (SegmentProfile profile : s.profiles()) {
      bySegment.put(profile.segment(), new ArrayList<>());
    }
    for (int i = 0; i < p.segment().length; i++) {
      bySegment.computeIfAbsent(p.segment()[i], k -> new ArrayList<>()).add(i);
    }
    List<Charts.Series> series = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : bySegment.entrySet()) {
      List<Integer> rows = e.getValue();
      if (rows.isEmpty()) {
        continue;
      }
      double[] x = new double[rows.size()];
      double[] y = new double[rows.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = p.pc1()[rows.get(i)];
        y[i] = p.pc2()[rows.get(i)];
      }
      series.add(new Charts.Series(label(e.getKey(), s.name(e.getKey())), x, y));
    }
    return Charts.scatter("segment-scatter", "Customers by segment (PCA, " + p.segment().length + " shown)",
        String.format("PC1 (%.0f%% of variance)", 100 * p.pc1Variance()),
        String.format("PC2 (%.0f%% of variance)", 100 * p.pc2Variance()), series);
  }

  /** Inertia against k, with the knee and the chosen k marked. */
  public static ChartImage elbow(KSelection sel) {
    List<Charts.Series> series = new ArrayList<>();
    series.add(curve("inertia", sel.candidates(), KCandidate::inertia));
    series.add(point("knee k=" + sel.knee(), sel, sel.knee(), KCandidate::inertia));
    series.add(point("chosen k=" + sel.chosen(), sel, sel.chosen(), KCandidate::inertia));
    return Charts.linesWithMarkers("segment-elbow", "Elbow: within-segment sum of squares", "k", "inertia", series);
  }

  /** Silhouette against k, with the chosen k marked. */
  public static ChartImage silhouette(KSelection sel) {
    List<Charts.Series> series = new ArrayList<>();
    series.add(curve("silhouette", sel.candidates(), KCandidate::silhouette));
    series.add(point("chosen k=" + sel.chosen(), sel, sel.chosen(), KCandidate::silhouette));
    return Charts.linesWithMarkers("segment-silhouette", "Silhouette by number of segments", "k", "silhouette",
        series);
  }

  /** Segment × feature heat map of z-scores (segment mean against the population), clipped to ±2.5. */
  public static ChartImage profileHeatMap(FittedSegmentation s) {
    List<SegmentProfile> profiles = s.profiles();
    List<String> features = new ArrayList<>();
    if (!profiles.isEmpty()) {
      List<FeatureProfile> first = profiles.get(0).features();
      List<Integer> order = new ArrayList<>();
      for (int j = 0; j < first.size(); j++) {
        order.add(j);
      }
      order.sort(Comparator.comparingDouble((Integer j) -> -maxAbsZ(profiles, j)));
      for (int j : order.subList(0, Math.min(HEAT_MAP_FEATURES, order.size()))) {
        features.add(first.get(j).feature());
      }
    }
    List<String> rows = new ArrayList<>();
    double[][] z = new double[profiles.size()][features.size()];
    for (int r = 0; r < profiles.size(); r++) {
      SegmentProfile p = profiles.get(r);
      rows.add(label(p.segment(), p.name()));
      for (int c = 0; c < features.size(); c++) {
        String f = features.get(c);
        double v = p.features().stream().filter(fp -> fp.feature().equals(f)).findFirst()
            .map(FeatureProfile::zScore).orElse(0.0);
        z[r][c] = Math.max(-2.5, Math.min(2.5, v));
      }
    }
    return Charts.heatMap("segment-profiles", "Segment profiles (z-score against all customers)", features, rows,
        z, -2.5, 2.5);
  }

  /** Number of customers per segment. */
  public static ChartImage sizes(FittedSegmentation s) {
    List<String> names = new ArrayList<>();
    double[] sizes = new double[s.profiles().size()];
    for (int i = 0; i < sizes.length; i++) {
      SegmentProfile p = s.profiles().get(i);
      names.add(label(p.segment(), p.name()));
      sizes[i] = p.size();
    }
    return Charts.bars("segment-sizes", "Segment sizes", "segment", "customers", names, List.of("customers"),
        List.of(sizes));
  }

  private static double maxAbsZ(List<SegmentProfile> profiles, int j) {
    double m = 0;
    for (SegmentProfile p : profiles) {
      if (p.segment() >= 0) {
        m = Math.max(m, Math.abs(p.features().get(j).zScore()));
      }
    }
    return m;
  }

  private static String label(int segment, String name) {
    String l = (segment < 0 ? "noise" : Integer.toString(segment)) + " · " + name;
    return l.length() > LABEL_LENGTH ? l.substring(0, LABEL_LENGTH - 1) + "…" : l;
  }

  private static Charts.Series curve(
      String name, List<KCandidate> cs, java.util.function.ToDoubleFunction<KCandidate> metric) {
    double[] x = cs.stream().mapToDouble(KCandidate::k).toArray();
    double[] y = cs.stream().mapToDouble(c -> finite(metric.applyAsDouble(c))).toArray();
    return new Charts.Series(name, x, y);
  }

  private static Charts.Series point(
      String name, KSelection sel, int k, java.util.function.ToDoubleFunction<KCandidate> metric) {
    double y = sel.candidates().stream().filter(c -> c.k() == k).findFirst()
        .map(c -> finite(metric.applyAsDouble(c))).orElse(0.0);
    return new Charts.Series(name, new double[] {k}, new double[] {y});
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0.0;
  }
}
