package dev.bankml.models.metrics;

/**
 * The Kolmogorov–Smirnov statistic of a score: the largest gap between the cumulative score
 * distributions of positives and negatives (max over thresholds of TPR − FPR), in [0, 1].
 */
public final class KolmogorovSmirnov {
  private KolmogorovSmirnov() {}

  /** The KS statistic; tied scores move together, so no threshold splits a tie. */
  public static double of(int[] labels, double[] scores) {
    BinaryInputs.check("KS", labels, scores);
    BinaryInputs.requireBothClasses("KS", labels);
    int[] order = BinaryInputs.byDescendingScore(scores);
    double pos = BinaryInputs.positives(labels);
    double neg = labels.length - pos;
    double tp = 0;
    double fp = 0;
    double best = 0;
    int i = 0;
    while (i < order.length) {
      double s = scores[order[i]];
      while (i < order.length && scores[order[i]] == s) {
        if (labels[order[i]] == 1) {
          tp++;
        } else {
          fp++;
        }
        i++;
      }
      best = Math.max(best, Math.abs(tp / pos - fp / neg));
    }
    return best;
  }
}
