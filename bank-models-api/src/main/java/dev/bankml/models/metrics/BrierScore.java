package dev.bankml.models.metrics;

/** Mean squared difference between predicted probability and the 0/1 outcome; lower is better. */
public final class BrierScore {
  private BrierScore() {}

  /** The Brier score, in [0, 1]. */
  public static double of(int[] labels, double[] probabilities) {
    BinaryInputs.checkProbabilities("Brier score", labels, probabilities);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double d = probabilities[i] - labels[i];
      sum += d * d;
    }
    return sum / labels.length;
  }
}
