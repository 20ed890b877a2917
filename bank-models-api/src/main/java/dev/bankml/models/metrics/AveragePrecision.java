package dev.bankml.models.metrics;

/**
 * Average precision: the area under the precision–recall curve as a step function,
 * {@code Σ (Rₙ − Rₙ₋₁) Pₙ} over distinct score thresholds (the scikit-learn definition).
 */
public final class AveragePrecision {
  private AveragePrecision() {}

  /** Average precision of {@code scores} for the positive class. */
  public static double of(int[] labels, double[] scores) {
    ThresholdCurves.Curve pr = ThresholdCurves.forRankingMetric("average precision", labels, scores).precisionRecall();
    double prevRecall = 0;
    double ap = 0;
    for (int k = 0; k < pr.x().length; k++) {
      ap += (pr.x()[k] - prevRecall) * pr.y()[k];
      prevRecall = pr.x()[k];
    }
    return ap;
  }
}
