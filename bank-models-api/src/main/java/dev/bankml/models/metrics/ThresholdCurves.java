package dev.bankml.models.metrics;

import java.util.Arrays;

/**
 * Everything that varies with the decision threshold, from one sort of the scores: the confusion
 * counts at any threshold, the ROC and precision-recall curves and the two cumulative distributions
 * of the KS plot, each with a point at every distinct score. A row is predicted positive when its
 * score is at or above the threshold (as in {@link ConfusionMatrix}). Immutable.
 *
 * <pre>{@code
 * ThresholdCurves c = ThresholdCurves.of(labels, probabilities);
 * ConfusionMatrix at = c.at(0.2);
 * Curve roc = c.roc().thinned(400);
 * }</pre>
 */
public final class ThresholdCurves {
  /** Distinct scores, highest first. */
  private final double[] thresholds;
  /** Positives and negatives scoring at or above {@code thresholds[k]}. */
  private final long[] tp;
  private final long[] fp;
  private final long positives;
  private final long negatives;

  private ThresholdCurves(double[] thresholds, long[] tp, long[] fp, long positives, long negatives) {
    this.thresholds = thresholds;
    this.tp = tp;
    this.fp = fp;
    this.positives = positives;
    this.negatives = negatives;
  }

  /** Points of a curve: {@code x[i]} against {@code y[i]}. */
  public record Curve(double[] x, double[] y) {
    /** Evenly spaced points of this curve, the first and last always among them, at most {@code maxPoints}. */
    public Curve thinned(int maxPoints) {
      int[] keep = thinIndices(x.length, maxPoints);
      return new Curve(pick(x, keep), pick(y, keep));
    }
  }

  /**
   * The KS plot: for each threshold (ascending, starting at 0), the share of positives and of
   * negatives scoring at or below it; {@code ks} is the largest gap (negatives above positives) and
   * {@code at} the score where it occurs.
   */
  public record KsCurve(double[] threshold, double[] positives, double[] negatives, double ks, double at) {
    /** Evenly spaced points, the first and last always among them, at most {@code maxPoints}. */
    public KsCurve thinned(int maxPoints) {
      int[] keep = thinIndices(threshold.length, maxPoints);
      return new KsCurve(pick(threshold, keep), pick(positives, keep), pick(negatives, keep), ks, at);
    }
  }

  /**
   * The curves of {@code scores} against 0/1 {@code labels}.
   *
   * @throws dev.bankml.data.BankmlException when the lengths differ, there are no rows, a label is
   *     not 0/1 or a score is not finite
   */
  public static ThresholdCurves of(int[] labels, double[] scores) {
    BinaryInputs.check("threshold curves", labels, scores);
    return build(labels, scores);
  }

  /**
   * The curves behind the ranking metric named {@code metric} (KS, average precision): the inputs
   * checked once, under that name, and both classes required.
   */
  static ThresholdCurves forRankingMetric(String metric, int[] labels, double[] scores) {
    BinaryInputs.check(metric, labels, scores);
    BinaryInputs.requireBothClasses(metric, labels);
    return build(labels, scores);
  }

  private static ThresholdCurves build(int[] labels, double[] scores) {
    int[] order = BinaryInputs.byDescendingScore(scores);
    double[] t = new double[order.length];
    long[] cp = new long[order.length];
    long[] cn = new long[order.length];
    int n = 0;
    long p = 0;
    long q = 0;
    for (int k = 0; k < order.length; k++) {
      if (labels[order[k]] == 1) {
        p++;
      } else {
        q++;
      }
      if (k == order.length - 1 || scores[order[k + 1]] != scores[order[k]]) {
        t[n] = scores[order[k]];
        cp[n] = p;
        cn[n] = q;
        n++;
      }
    }
    return new ThresholdCurves(Arrays.copyOf(t, n), Arrays.copyOf(cp, n), Arrays.copyOf(cn, n), p, q);
  }

  /** Number of positive rows. */
  public long positives() {
    return positives;
  }

  /** Number of negative rows. */
  public long negatives() {
    return negatives;
  }

  /** Number of rows. */
  public long rows() {
    return positives + negatives;
  }

  /** The distinct scores, highest first. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  /** The counts when rows scoring at or above {@code threshold} are predicted positive. */
  public ConfusionMatrix at(double threshold) {
    // the last distinct score still at or above the threshold
    int lo = 0;
    int hi = thresholds.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (thresholds[mid] >= threshold) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    long truePositives = lo == 0 ? 0 : tp[lo - 1];
    long falsePositives = lo == 0 ? 0 : fp[lo - 1];
    return new ConfusionMatrix(truePositives, falsePositives, negatives - falsePositives, positives - truePositives);
  }

  /** ROC: false-positive rate (x) against true-positive rate (y), from (0, 0) to (1, 1). */
  public Curve roc() {
    double[] x = new double[thresholds.length + 1];
    double[] y = new double[thresholds.length + 1];
    for (int k = 0; k < thresholds.length; k++) {
      x[k + 1] = negatives == 0 ? 0 : (double) fp[k] / negatives;
      y[k + 1] = positives == 0 ? 0 : (double) tp[k] / positives;
    }
    return new Curve(x, y);
  }

  /** Precision-recall: recall (x) against precision (y) at every distinct threshold, highest score first. */
  public Curve precisionRecall() {
    double[] x = new double[thresholds.length];
    double[] y = new double[thresholds.length];
    for (int k = 0; k < thresholds.length; k++) {
      x[k] = positives == 0 ? 0 : (double) tp[k] / positives;
      y[k] = (double) tp[k] / (tp[k] + fp[k]);
    }
    return new Curve(x, y);
  }

  /** The KS plot's two cumulative distributions; see {@link KsCurve}. */
  public KsCurve ks() {
    int m = thresholds.length;
    double[] t = new double[m + 1];
    double[] fPos = new double[m + 1];
    double[] fNeg = new double[m + 1];
    double best = 0;
    double at = 0;
    for (int k = m - 1, n = 1; k >= 0; k--, n++) {
      // at or below thresholds[k]: everything but what scores above it
      long above = k == 0 ? 0 : tp[k - 1];
      long aboveNeg = k == 0 ? 0 : fp[k - 1];
      t[n] = thresholds[k];
      fPos[n] = positives == 0 ? 0 : (double) (positives - above) / positives;
      fNeg[n] = negatives == 0 ? 0 : (double) (negatives - aboveNeg) / negatives;
      if (fNeg[n] - fPos[n] > best) {
        best = fNeg[n] - fPos[n];
        at = thresholds[k];
      }
    }
    return new KsCurve(t, fPos, fNeg, best, at);
  }

  /**
   * The share of each class's rows in each of {@code bins} equal-width bins over [0, 1]:
   * {@code [0]} the negatives, {@code [1]} the positives (all 0 for a class without rows).
   */
  public static double[][] histogramByClass(int[] labels, double[] probabilities, int bins) {
    BinaryInputs.checkProbabilities("score histogram", labels, probabilities);
    double[][] h = new double[2][bins];
    long[] n = new long[2];
    for (int i = 0; i < labels.length; i++) {
      int b = Math.min(bins - 1, (int) (probabilities[i] * bins));
      h[labels[i]][b]++;
      n[labels[i]]++;
    }
    for (int c = 0; c < 2; c++) {
      for (int b = 0; b < bins; b++) {
        h[c][b] = n[c] == 0 ? 0 : h[c][b] / n[c];
      }
    }
    return h;
  }

  /** Evenly spaced indices of {@code n} points including the first and last, at most {@code max}. */
  private static int[] thinIndices(int n, int max) {
    if (n <= max) {
      return java.util.stream.IntStream.range(0, n).toArray();
    }
    int[] idx = new int[max];
    for (int k = 0; k < max; k++) {
      idx[k] = (int) Math.round((double) k * (n - 1) / (max - 1));
    }
    return idx;
  }

  private static double[] pick(double[] v, int[] idx) {
    double[] out = new double[idx.length];
    for (int k = 0; k < idx.length; k++) {
      out[k] = v[idx[k]];
    }
    return out;
  }
}
