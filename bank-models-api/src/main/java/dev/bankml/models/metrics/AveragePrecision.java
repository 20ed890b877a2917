package dev.bankml.models.metrics;

/**
 * Average precision: the area under the precision–recall curve as a step function,
 * {@code Σ (Rₙ − Rₙ₋₁) Pₙ} over distinct score thresholds (the scikit-learn definition).
 */
public final class AveragePrecision {
  private AveragePrecision() {}

  /** Average precision of {@code scores} for the positive class. */
  public static double of(int[] labels, double[] scores) {
    BinaryInputs.check("average precision", labels, scores);
    BinaryInputs.requireBothClasses("average precision", labels);
    int[] order = BinaryInputs.byDescendingScore(scores);
    double pos = BinaryInputs.positives(labels);
    double tp = 0;
    double seen = 0;
    double prevRecall = 0;
    double ap = 0;
    int i = 0;
    while (i < order.length) {
      double s = scores[order[i]];
      while (i < order.length && scores[order[i]] == s) {
        tp += labels[order[i]];
        seen++;
        i++;
      }
      double recall = tp / pos;
      ap += (recall - prevRecall) * (tp / seen);
      prevRecall = recall;
    }
    return ap;
  }
}
