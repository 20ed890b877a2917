package dev.bankml.models.metrics;

/**
 * Counts of a thresholded prediction: a row is predicted positive when its probability is at or
 * above the threshold. Ratios with an empty denominator are 0 (as scikit-learn's {@code
 * zero_division=0}).
 */
public record ConfusionMatrix(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

  /** The confusion matrix of {@code probabilities ≥ threshold} against {@code labels}. */
  public static ConfusionMatrix at(int[] labels, double[] probabilities, double threshold) {
    BinaryInputs.check("confusion matrix", labels, probabilities);
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int i = 0; i < labels.length; i++) {
      boolean predicted = probabilities[i] >= threshold;
      if (predicted) {
        if (labels[i] == 1) {
          tp++;
        } else {
          fp++;
        }
      } else if (labels[i] == 1) {
        fn++;
      } else {
        tn++;
      }
    }
    return new ConfusionMatrix(tp, fp, tn, fn);
  }

  /** Total number of rows. */
  public long total() {
    return truePositives + falsePositives + trueNegatives + falseNegatives;
  }

  /** Share of rows predicted correctly. */
  public double accuracy() {
    return ratio(truePositives + trueNegatives, total());
  }

  /** Share of predicted positives that are positive. */
  public double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  /** Share of positives predicted positive (true-positive rate, sensitivity). */
  public double recall() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  /** Share of negatives predicted positive. */
  public double falsePositiveRate() {
    return ratio(falsePositives, falsePositives + trueNegatives);
  }

  /** Harmonic mean of precision and recall. */
  public double f1() {
    return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
