package dev.bankml.models.metrics;

/**
 * The Kolmogorov–Smirnov statistic of a score: the largest gap between the cumulative score
 * distributions of positives and negatives (max over thresholds of TPR − FPR), in [0, 1].
 */
public final class KolmogorovSmirnov {
  private KolmogorovSmirnov() {}

  /** The KS statistic; tied scores move together, so no threshold splits a tie. */
  public static double of(int[] labels, double[] scores) {
    ThresholdCurves.Curve roc = ThresholdCurves.forRankingMetric("KS", labels, scores).roc();
    double best = 0;
    for (int k = 1; k < roc.x().length; k++) {
      best = Math.max(best, Math.abs(roc.y()[k] - roc.x()[k]));
    }
    return best;
  }
}
