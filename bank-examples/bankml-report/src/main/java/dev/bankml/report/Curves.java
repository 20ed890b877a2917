package dev.bankml.report;

import java.util.Arrays;

/**
 * The points of the threshold curves drawn in the report (ROC, precision-recall, the two
 * cumulative distributions of the KS plot), at every distinct score, thinned to at most
 * {@value #MAX_POINTS} points for drawing.
 */
final class Curves {
  static final int MAX_POINTS = 400;

  private Curves() {}

  /** Points of one curve. */
  record Curve(double[] x, double[] y) {}

  /** The two cumulative distributions of the KS plot and where they are furthest apart. */
  record KsCurves(double[] threshold, double[] defaulters, double[] nonDefaulters, double ks, double at) {}

  /** ROC: false-positive rate (x) against true-positive rate (y), from (0, 0) to (1, 1). */
  static Curve roc(int[] labels, double[] scores) {
    int[] order = descending(scores);
    long pos = Arrays.stream(labels).filter(v -> v == 1).count();
    long neg = labels.length - pos;
    double[] fpr = new double[labels.length + 1];
    double[] tpr = new double[labels.length + 1];
    int n = 1;
    long tp = 0;
    long fp = 0;
    for (int k = 0; k < order.length; k++) {
      if (labels[order[k]] == 1) {
        tp++;
      } else {
        fp++;
      }
      if (k == order.length - 1 || scores[order[k + 1]] != scores[order[k]]) {
        fpr[n] = neg == 0 ? 0 : (double) fp / neg;
        tpr[n] = pos == 0 ? 0 : (double) tp / pos;
        n++;
      }
    }
    return thin(Arrays.copyOf(fpr, n), Arrays.copyOf(tpr, n));
  }

  /** Precision-recall: recall (x) against precision (y) at every distinct threshold, highest score first. */
  static Curve precisionRecall(int[] labels, double[] scores) {
    int[] order = descending(scores);
    long pos = Arrays.stream(labels).filter(v -> v == 1).count();
    double[] recall = new double[labels.length];
    double[] precision = new double[labels.length];
    int n = 0;
    long tp = 0;
    for (int k = 0; k < order.length; k++) {
      tp += labels[order[k]];
      if (k == order.length - 1 || scores[order[k + 1]] != scores[order[k]]) {
        recall[n] = pos == 0 ? 0 : (double) tp / pos;
        precision[n] = (double) tp / (k + 1);
        n++;
      }
    }
    return thin(Arrays.copyOf(recall, n), Arrays.copyOf(precision, n));
  }

  /** Share of defaulters and of non-defaulters with a score at or below each threshold. */
  static KsCurves ks(int[] labels, double[] scores) {
    int[] order = descending(scores);
    long pos = Arrays.stream(labels).filter(v -> v == 1).count();
    long neg = labels.length - pos;
    int m = labels.length;
    double[] t = new double[m + 1];
    double[] fPos = new double[m + 1];
    double[] fNeg = new double[m + 1];
    int n = 0;
    long cp = 0;
    long cn = 0;
    // ascending: walk the descending order backwards
    t[n] = 0;
    n++;
    double best = 0;
    double at = 0;
    for (int k = m - 1; k >= 0; k--) {
      int i = order[k];
      if (labels[i] == 1) {
        cp++;
      } else {
        cn++;
      }
      if (k == 0 || scores[order[k - 1]] != scores[i]) {
        t[n] = scores[i];
        fPos[n] = pos == 0 ? 0 : (double) cp / pos;
        fNeg[n] = neg == 0 ? 0 : (double) cn / neg;
        if (fNeg[n] - fPos[n] > best) {
          best = fNeg[n] - fPos[n];
          at = scores[i];
        }
        n++;
      }
    }
    int[] keep = thinIndices(n);
    return new KsCurves(pick(t, keep), pick(fPos, keep), pick(fNeg, keep), best, at);
  }

  private static int[] descending(double[] scores) {
    return java.util.stream.IntStream.range(0, scores.length).boxed()
        .sorted((a, b) -> Double.compare(scores[b], scores[a])).mapToInt(Integer::intValue).toArray();
  }

  private static Curve thin(double[] x, double[] y) {
    int[] keep = thinIndices(x.length);
    return new Curve(pick(x, keep), pick(y, keep));
  }

  /** Evenly spaced indices including the first and last, at most {@link #MAX_POINTS}. */
  private static int[] thinIndices(int n) {
    if (n <= MAX_POINTS) {
      return java.util.stream.IntStream.range(0, n).toArray();
    }
    int[] idx = new int[MAX_POINTS];
    for (int k = 0; k < MAX_POINTS; k++) {
      idx[k] = (int) Math.round((double) k * (n - 1) / (MAX_POINTS - 1));
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
