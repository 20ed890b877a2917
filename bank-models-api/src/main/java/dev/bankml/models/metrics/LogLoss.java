package dev.bankml.models.metrics;

/**
 * Mean negative log-likelihood of the labels under the predicted probabilities (natural log).
 * Probabilities are clipped to [1e-15, 1 − 1e-15] so one confident mistake costs a lot but not
 * infinity.
 */
public final class LogLoss {
  static final double EPS = 1e-15;

  private LogLoss() {}

  /** The log loss; lower is better, 0 is perfect, ln 2 ≈ 0.693 is a coin flip. */
  public static double of(int[] labels, double[] probabilities) {
    BinaryInputs.checkProbabilities("log loss", labels, probabilities);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double p = Math.min(1 - EPS, Math.max(EPS, probabilities[i]));
      sum -= labels[i] == 1 ? Math.log(p) : Math.log(1 - p);
    }
    return sum / labels.length;
  }
}
