package dev.bankml.web;

import dev.bankml.models.metrics.CalibrationTable;
import dev.bankml.models.metrics.ThresholdCurves;
import dev.bankml.report.ChartImage;
import dev.bankml.report.Charts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Renders the charts of the model and segments pages with {@link Charts}. */
final class PageCharts {
  private static final int SCORE_BINS = 20;
  private static final int MAX_POINTS = 200;
  private static final int MAX_IMPORTANCE = 15;
  private static final int MAX_DISTRIBUTIONS = 8;
  private static final int MAX_RATE_CHARTS = 6;

  private PageCharts() {}

  static List<ChartImage> model(ModelInsights insights, ThresholdCurves curves) {
    List<ChartImage> charts = new ArrayList<>();
    String label = insights.label();
    HeldOut held = insights.heldOut();
    charts.add(Charts.lines("roc", "ROC curve", "false-positive rate", "true-positive rate",
        List.of(series(label, curves.roc().thinned(MAX_POINTS))), true));
    charts.add(Charts.lines("pr", "Precision-recall curve", "recall", "precision",
        List.of(series(label, curves.precisionRecall().thinned(MAX_POINTS))), false));
    CalibrationTable cal = CalibrationTable.of(held.labels(), held.probabilities());
    charts.add(Charts.linesWithMarkers("calibration", "Calibration", "mean predicted probability",
        "observed default rate", List.of(new Charts.Series(label,
                cal.bins().stream().mapToDouble(CalibrationTable.Bin::meanPredicted).toArray(),
                cal.bins().stream().mapToDouble(CalibrationTable.Bin::observedRate).toArray()),
            new Charts.Series("perfect", new double[] {0, 1}, new double[] {0, 1}))));
    double[][] hist = ThresholdCurves.histogramByClass(held.labels(), held.probabilities(), SCORE_BINS);
    List<String> bins = new ArrayList<>();
    for (int b = 0; b < SCORE_BINS; b++) {
      bins.add(String.format("%.2f", (b + 0.5) / SCORE_BINS));
    }
    charts.add(Charts.bars("score-distribution", "Score distribution by class", "probability of default",
        "share of class", bins, List.of("repaid", "defaulted"), List.of(hist[0], hist[1])));
    List<ModelInsights.Importance> top = insights.importance().stream()
        .sorted(Comparator.comparingDouble(ModelInsights.Importance::value).reversed())
        .limit(MAX_IMPORTANCE).toList();
    if (!top.isEmpty()) {
      charts.add(Charts.ranking("importance", "Feature importance", "importance",
          top.stream().map(ModelInsights.Importance::column).toList(),
          top.stream().mapToDouble(ModelInsights.Importance::value).toArray()));
    }
    charts.addAll(profile(insights.profile()));
    return List.copyOf(charts);
  }

  private static List<ChartImage> profile(DataProfile profile) {
    List<ChartImage> charts = new ArrayList<>();
    int n = 0;
    for (DataProfile.Distribution d : profile.distributions()) {
      if (n++ == MAX_DISTRIBUTIONS) {
        break;
      }
      charts.add(Charts.bars("dist-" + slug(d.column()), "Distribution of " + d.column(), d.column(), "rows",
          d.bins(), List.of("rows"), List.of(d.counts())));
    }
    if (!profile.correlationColumns().isEmpty()) {
      charts.add(Charts.heatMap("correlations", "Correlations", profile.correlationColumns(),
          profile.correlationColumns(), profile.correlations(), -1, 1));
    }
    n = 0;
    for (DataProfile.LevelRates r : profile.targetRates()) {
      if (n++ == MAX_RATE_CHARTS) {
        break;
      }
      charts.add(Charts.bars("rate-" + slug(r.column()), "Default rate by " + r.column(), r.column(),
          "default rate", r.levels(), List.of("default rate"), List.of(r.rates())));
    }
    return charts;
  }

  static List<ChartImage> segments(SegmentsSource source) {
    List<SegmentsSource.Segment> segments = source.segments();
    List<Charts.Series> series = new ArrayList<>();
    for (SegmentsSource.Segment s : segments) {
      List<SegmentsSource.Point> pts = source.scatter().stream().filter(p -> p.segment() == s.id()).toList();
      if (!pts.isEmpty()) {
        series.add(new Charts.Series(s.name(), pts.stream().mapToDouble(SegmentsSource.Point::x).toArray(),
            pts.stream().mapToDouble(SegmentsSource.Point::y).toArray()));
      }
    }
    List<ChartImage> charts = new ArrayList<>();
    if (!series.isEmpty()) {
      charts.add(Charts.scatter("segment-scatter", "Customers by segment", "component 1", "component 2", series));
    }
    List<String> names = segments.stream().map(SegmentsSource.Segment::name).toList();
    double[][] profile = segments.stream().map(SegmentsSource.Segment::profile).toArray(double[][]::new);
    if (!segments.isEmpty() && !source.profileFeatures().isEmpty()) {
      charts.add(Charts.heatMap("segment-profile", "Segment profiles (z-scores)", source.profileFeatures(), names,
          profile, -2, 2));
    }
    charts.add(Charts.ranking("segment-sizes", "Segment sizes", "customers", names,
        segments.stream().mapToDouble(SegmentsSource.Segment::size).toArray()));
    return List.copyOf(charts);
  }

  private static Charts.Series series(String name, ThresholdCurves.Curve curve) {
    return new Charts.Series(name, curve.x(), curve.y());
  }

  private static String slug(String s) {
    return s.toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }
}
